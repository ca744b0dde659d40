namespace ChatOps.Core.Incidents;

public sealed record ActionItem(string Text, string? Owner, bool Done = false);
