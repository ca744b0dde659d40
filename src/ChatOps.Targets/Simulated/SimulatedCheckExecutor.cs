using System.Net;
using System.Text.Json;
using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Targets.Checks;

namespace ChatOps.Targets.Simulated;

/// <summary>
/// Answers a drill's checks of one kind with the scenario's answers, after their delay, read by the same code that
/// reads a real target's answer: the grading, no-data rules, redaction and cutting downstream cannot tell the difference.
/// </summary>
internal sealed class SimulatedCheckExecutor(string kind, Scenario scenario, Runbook runbook, TimeProvider time) : ICheckExecutor
{
    public string Kind => kind;

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        // Only the scenario's runbook's own checks: another runbook's check of the same id asks something else.
        if (!ReferenceEquals(runbook.FindCheck(check.Id), check) || !scenario.Answers.TryGetValue(check.Id, out var answer))
            throw new CheckFailedException($"drill scenario '{scenario.Id}' answers only the checks of runbook {scenario.Runbook}");
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, time, cancellationToken);
        return (check.Spec, answer.Reply) switch
        {
            (_, FailedReply failed) => throw new CheckFailedException(failed.Error),
            (PrometheusCheck, PrometheusReply vector) =>
                PrometheusAnswer.Read($"{{\"status\":\"success\",\"data\":{{\"resultType\":\"vector\",\"result\":{vector.Result}}}}}", 200),
            (HttpCheck http, HttpReply reply) => HttpAnswer.Read(http, reply.Status, Reason(reply.Status), answer.Delay, reply.Body, MediaType(reply.Body)),
            (RedisCheck redis, var reply) => RedisAnswer.Read(redis, reply),
            (PostgresCheck postgres, PostgresReply rows) => PostgresAnswer.Read(postgres, rows),
            (KubernetesLogsCheck logs, PodLogsReply pods) => PodLogAnswer.Read(logs, [.. pods.Pods.Select(p => (p.Key, p.Value))], []),
            var (_, reply) => throw new CheckFailedException($"drill scenario '{scenario.Id}' answers this {check.Kind} check with a {reply.GetType().Name}"),
        };
    }

    private static string? Reason(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        return response.ReasonPhrase;
    }

    private static string MediaType(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return "application/json";
        }
        catch (JsonException)
        {
            return "text/plain";
        }
    }
}
