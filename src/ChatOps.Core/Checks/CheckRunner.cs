using System.Diagnostics;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Checks;

/// <summary>
/// Runs one check with its own timeout and grades the answer. Whatever goes wrong becomes an
/// <see cref="CheckGrade.Error"/> result with a one-line reason: a check never throws into chat.
/// </summary>
public sealed partial class CheckRunner(
    ICheckExecutors executors,
    IOptions<CheckOptions> options,
    CheckMetrics metrics,
    TimeProvider time,
    ILogger<CheckRunner> logger)
{
    /// <summary>Runs <paramref name="check"/> for <paramref name="incident"/>, through the executors that incident may use.</summary>
    public async Task<CheckResult> RunAsync(Incident incident, CheckDefinition check, CancellationToken cancellationToken)
    {
        using var activity = ChatOpsTelemetry.Source.StartActivity($"check {check.Kind}");
        activity?.SetTag("chatops.check.id", check.Id);
        var result = await MeasureAsync(incident, check, cancellationToken);
        metrics.Record(result);
        activity?.SetTag("chatops.check.grade", CheckMetrics.GradeOf(result));
        // The reason stays out of the span: it can quote what a target answered, and spans leave for a collector unredacted.
        if (result.Grade == CheckGrade.Error) activity?.SetStatus(ActivityStatusCode.Error);
        return result;
    }

    private async Task<CheckResult> MeasureAsync(Incident incident, CheckDefinition check, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (executors.For(incident, check.Kind) is not { } executor)
            return Failed(check, incident.IsDrill
                ? $"drill scenario '{incident.Drill}' is not loaded here, so '{check.Kind}' checks have nothing to answer them"
                : $"no executor for '{check.Kind}' checks is configured", started);

        var timeout = check.Timeout ?? options.Value.DefaultTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        CheckObservation observation;
        try
        {
            // WaitAsync holds the deadline even against an executor that ignores its token.
            observation = await executor.ExecuteAsync(check, linked.Token).WaitAsync(timeout, time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Our deadline, or a timeout inside the executor (HttpClient's own, say): either way the target did not answer in time.
            return Failed(check, deadline.IsCancellationRequested || e is TimeoutException
                ? $"timed out after {DurationText.Format(timeout)}"
                : $"gave up: {e.Message}", started);
        }
        catch (CheckFailedException e)
        {
            return Failed(check, e.Message, started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An executor bug must cost only its own check; the log keeps the detail, chat gets one line.
            LogExecutorFault(e, check.Id);
            return Failed(check, $"{e.GetType().Name}: {FirstLine(e.Message)}", started);
        }
        return Grade(check, observation, time.GetElapsedTime(started));
    }

    private static CheckResult Grade(CheckDefinition check, CheckObservation observation, TimeSpan elapsed)
    {
        try
        {
            var grade = Holds(check.Critical, observation) ? CheckGrade.Critical
                : Holds(check.Warn, observation) ? CheckGrade.Warn
                : CheckGrade.Ok;
            return new CheckResult(check, grade, observation, null, elapsed);
        }
        catch (ExpressionException e)
        {
            // An empty answer is not a broken threshold: say what was empty. Not Warn: that claims a threshold held,
            // and runbooks decide on it; no data claims nothing, so it is an answer there is nothing to grade in.
            return observation.NoData is { } empty && Reads(check).Any(v => !observation.Values.ContainsKey(v))
                ? new CheckResult(check, CheckGrade.Error, observation, "no data: " + empty, elapsed) { IsNoData = true }
                : new CheckResult(check, CheckGrade.Error, observation, $"cannot grade: {e.Message}", elapsed);
        }
    }

    private static IEnumerable<string> Reads(CheckDefinition check) =>
        new[] { check.Critical, check.Warn }.OfType<Expression>().SelectMany(t => t.Variables);

    private static bool Holds(Expression? expression, CheckObservation observation) =>
        expression is not null && expression.Evaluate(observation.Values);

    private CheckResult Failed(CheckDefinition check, string reason, long started) =>
        new(check, CheckGrade.Error, null, FirstLine(reason), time.GetElapsedTime(started));

    private static string FirstLine(string text)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n', 2)[0];
        return line.Length <= 300 ? line : line[..299] + "…";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Check {Check} failed inside its executor")]
    private partial void LogExecutorFault(Exception exception, string check);
}
