using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>A failure as the Kubernetes API answers it: a <c>Status</c> object with the HTTP code, a reason and a message.</summary>
public static class ApiStatus
{
    public static IResult Result(int code, string message) => Results.Json(new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = Reason(code),
        ["code"] = code,
    }, statusCode: code);

    public static string Reason(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        503 => "ServiceUnavailable",
        _ => "InternalError",
    };
}
