namespace ChatOps.Core.Mitigations;

/// <summary>Why an attempt on a request was refused: the answer to the person, and the short reason the audit keeps.</summary>
public sealed record Refusal(string Why, string Audit);
