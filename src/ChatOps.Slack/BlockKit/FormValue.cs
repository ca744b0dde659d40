using System.Text.Json;
using ChatOps.Core.Messages;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// A core form written into a button's value, which Slack returns on the click and caps at 2,000 characters: the last
/// (least likely) choices are dropped until it fits, then the hints and the text; the command is never cut.
/// </summary>
internal static class FormValue
{
    public static string Encode(FormRequest form)
    {
        var value = new FormButtonValue(form.Command, form.Title, form.Submit, form.Text,
            [.. form.Fields.Select(f => new FormButtonField(f.Id, f.Label, f.Choices, f.Hint))]);
        var json = Serialize(value);
        while (json.Length > BlockLimits.ButtonValue && value.Fields.Any(f => f.Choices.Count > 0))
        {
            var longest = value.Fields.MaxBy(f => f.Choices.Count)!;
            value = value with { Fields = [.. value.Fields.Select(f => ReferenceEquals(f, longest) ? f with { Choices = f.Choices.Take(f.Choices.Count - 1).ToList() } : f)] };
            json = Serialize(value);
        }
        if (json.Length > BlockLimits.ButtonValue)
            json = Serialize(value with { Text = null, Fields = [.. value.Fields.Select(f => f with { Hint = null })] });
        return json;
    }

    public static FormButtonValue? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize(value, SlackJsonContext.Default.FormButtonValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Serialize(FormButtonValue value) => JsonSerializer.Serialize(value, SlackJsonContext.Default.FormButtonValue);
}
