using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>
/// A button: <see cref="ActionId"/> names the handler that owns the click, <see cref="Value"/> its argument.
/// A danger button should carry a <see cref="Confirm"/> so that a stray click asks first. A button whose command needs
/// answers first (whom to block) carries a <see cref="Form"/> and the action id <see cref="ButtonActions.Form"/>.
/// </summary>
public sealed record Button(string Label, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default, Confirm? Confirm = null, FormRequest? Form = null);

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

public sealed record Confirm(string Title, string Text, string ConfirmLabel = "Confirm", string DenyLabel = "Cancel");
