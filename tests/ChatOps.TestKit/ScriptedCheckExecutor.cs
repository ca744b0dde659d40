using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.TestKit;

/// <summary>
/// An executor of one kind whose answers the test sets per check id: a value, a failure, or a hang
/// that lasts until the check's own timeout cancels it, at once or after a delay on a given clock. Unscripted checks
/// answer value 0.
/// </summary>
public sealed class ScriptedCheckExecutor(string kind) : ICheckExecutor
{
    private readonly Dictionary<string, Func<CancellationToken, Task<CheckObservation>>> _script = [];

    public string Kind => kind;

    public ScriptedCheckExecutor Answer(string checkId, double value, int? status = null)
    {
        var values = new Dictionary<string, ExpressionValue> { ["value"] = ExpressionValue.Of(value) };
        if (status is { } s)
        {
            values["status"] = ExpressionValue.Of(s);
            values["latency_ms"] = ExpressionValue.Of(5);
        }
        _script[checkId] = _ => Task.FromResult(new CheckObservation(values, $"value {value}"));
        return this;
    }

    /// <summary>Rows, as a Postgres check answers them: <c>count</c> is the number of rows.</summary>
    public ScriptedCheckExecutor AnswerTable(string checkId, IReadOnlyList<string> columns, params IReadOnlyList<string>[] rows)
    {
        var values = new Dictionary<string, ExpressionValue> { ["count"] = ExpressionValue.Of(rows.Length) };
        _script[checkId] = _ => Task.FromResult(new CheckObservation(values, $"{rows.Length} rows", new Core.Messages.TableBlock(columns, rows)));
        return this;
    }

    public ScriptedCheckExecutor Fail(string checkId, string reason)
    {
        _script[checkId] = _ => Task.FromException<CheckObservation>(new CheckFailedException(reason));
        return this;
    }

    public ScriptedCheckExecutor Hang(string checkId)
    {
        _script[checkId] = async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        return this;
    }

    /// <summary>Never answers and ignores cancellation, as a buggy executor might.</summary>
    public ScriptedCheckExecutor Ignore(string checkId)
    {
        _script[checkId] = _ => new TaskCompletionSource<CheckObservation>().Task;
        return this;
    }

    /// <summary>The check gives its scripted answer (or the default one) only after <paramref name="delay"/> on <paramref name="time"/>.</summary>
    public ScriptedCheckExecutor Delay(string checkId, TimeSpan delay, TimeProvider time)
    {
        var answer = _script.GetValueOrDefault(checkId, Default);
        _script[checkId] = async cancellationToken =>
        {
            await Task.Delay(delay, time, cancellationToken);
            return await answer(cancellationToken);
        };
        return this;
    }

    public Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken) =>
        _script.GetValueOrDefault(check.Id, Default)(cancellationToken);

    private static Task<CheckObservation> Default(CancellationToken cancellationToken) =>
        Task.FromResult(new CheckObservation(new Dictionary<string, ExpressionValue>
        {
            ["value"] = ExpressionValue.Of(0), ["status"] = ExpressionValue.Of(200), ["latency_ms"] = ExpressionValue.Of(5), ["count"] = ExpressionValue.Of(0),
        }, "value 0"));
}
