namespace ChatOps.LocalWorkspace;

/// <summary>An answer of the local Web API: status, JSON body, and the <c>Retry-After</c> of a 429.</summary>
internal sealed record LocalApiResponse(
    int Status,
    string Body,
    int? RetryAfterSeconds = null,
    string ContentType = "application/json; charset=utf-8");
