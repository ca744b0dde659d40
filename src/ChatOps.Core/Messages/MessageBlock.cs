using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>One block of a <see cref="ChatMessage"/>.</summary>
public abstract record MessageBlock;

public sealed record HeaderBlock(string Text) : MessageBlock;

public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Plain) : MessageBlock;

public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : MessageBlock;

public sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : MessageBlock;

public sealed record ActionsBlock(IReadOnlyList<Button> Buttons) : MessageBlock;

/// <summary>Small, secondary text: times, hints, "cut 120 lines".</summary>
public sealed record ContextBlock(string Text) : MessageBlock;

public sealed record DividerBlock : MessageBlock;

public sealed record Field(string Label, string Value);

public enum TextStyle
{
    Plain,
    Code,
    Quote,
}
