namespace ChatOps.Core.Checks;

/// <summary>A query's columns and rows; a cell is null, a number or text.</summary>
public sealed record PostgresReply(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReplyCell>> Rows) : TargetReply;
