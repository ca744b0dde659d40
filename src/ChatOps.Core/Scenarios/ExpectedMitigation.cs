namespace ChatOps.Core.Scenarios;

/// <summary>A mitigation to apply and revert, with the state descriptions it must leave; a block names its <see cref="Subject"/>.</summary>
public sealed record ExpectedMitigation(string Mitigation, string? Subject, string After, string Reverted, int Line);
