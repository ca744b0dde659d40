namespace ChatOps.TestKit.Teams;

/// <summary>
/// Adaptive Cards 1.5 as its JSON schema defines it (schemas/1.5.0/adaptive-card.json in microsoft/AdaptiveCards): the
/// element and action types of 1.5, each with the properties it may carry (the schema allows no others) and those it
/// must carry, and the values its enumerations take (the schema matches them case-insensitively).
/// </summary>
internal static class AdaptiveCardSchema
{
    public sealed record Shape(string[] Allowed, string[] Required);

    private static readonly string[] Element = ["type", "fallback", "height", "separator", "spacing", "id", "isVisible", "requires"];
    private static readonly string[] Input = [.. Element, "errorMessage", "isRequired", "label"];
    private static readonly string[] Action = ["type", "title", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode", "requires"];
    private static readonly string[] Box = ["items", "selectAction", "style", "verticalContentAlignment", "bleed", "backgroundImage", "minHeight", "rtl"];

    /// <summary>Top-level card properties; <c>msteams</c> is Teams' own (width, mention entities) and only on the top-level card.</summary>
    public static readonly string[] CardProperties =
    [
        "type", "version", "refresh", "authentication", "body", "actions", "selectAction", "fallbackText", "backgroundImage", "minHeight",
        "rtl", "speak", "lang", "verticalContentAlignment", "$schema",
    ];

    public static readonly Dictionary<string, Shape> ElementShapes = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = new([.. Element, "text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap", "style"], ["text"]),
        ["RichTextBlock"] = new([.. Element, "inlines", "horizontalAlignment"], ["inlines"]),
        ["Image"] = new([.. Element, "url", "altText", "backgroundColor", "horizontalAlignment", "selectAction", "size", "style", "width"], ["url"]),
        ["ImageSet"] = new([.. Element, "images", "imageSize"], ["images"]),
        ["Media"] = new([.. Element, "sources", "poster", "altText"], ["sources"]),
        ["FactSet"] = new([.. Element, "facts"], ["facts"]),
        ["Container"] = new([.. Element, .. Box], ["items"]),
        ["ColumnSet"] = new([.. Element, "columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"], []),
        ["ActionSet"] = new([.. Element, "actions"], ["actions"]),
        ["Table"] = new([.. Element, "columns", "rows", "firstRowAsHeader", "showGridLines", "gridStyle",
            "horizontalCellContentAlignment", "verticalCellContentAlignment"], []),
        ["Input.Text"] = new([.. Input, "isMultiline", "maxLength", "placeholder", "regex", "style", "inlineAction", "value"], ["id"]),
        ["Input.Number"] = new([.. Input, "max", "min", "placeholder", "value"], ["id"]),
        ["Input.Date"] = new([.. Input, "max", "min", "placeholder", "value"], ["id"]),
        ["Input.Time"] = new([.. Input, "max", "min", "placeholder", "value"], ["id"]),
        ["Input.Toggle"] = new([.. Input, "title", "value", "valueOff", "valueOn", "wrap"], ["id", "title"]),
        ["Input.ChoiceSet"] = new([.. Input, "choices", "isMultiSelect", "style", "value", "placeholder", "wrap"], ["id"]),
    };

    /// <summary>Parts that live only inside their parent element; their <c>type</c> may be left out.</summary>
    public static readonly Dictionary<string, Shape> PartShapes = new(StringComparer.Ordinal)
    {
        ["Column"] = new(["type", "fallback", "separator", "spacing", "id", "isVisible", "requires", "width", .. Box], []),
        ["Fact"] = new(["type", "title", "value"], ["title", "value"]),
        ["Input.Choice"] = new(["type", "title", "value"], ["title", "value"]),
        ["TableRow"] = new(["type", "cells", "style", "horizontalCellContentAlignment", "verticalCellContentAlignment"], []),
        ["TableCell"] = new(["type", .. Box], ["items"]),
        ["TextRun"] = new(["type", "text", "color", "fontType", "highlight", "isSubtle", "italic", "selectAction", "size", "strikethrough",
            "underline", "weight"], ["text"]),
    };

    public static readonly Dictionary<string, Shape> ActionShapes = new(StringComparer.Ordinal)
    {
        ["Action.Execute"] = new([.. Action, "verb", "data", "associatedInputs"], []),
        ["Action.Submit"] = new([.. Action, "data", "associatedInputs"], []),
        ["Action.OpenUrl"] = new([.. Action, "url"], ["url"]),
        ["Action.ShowCard"] = new([.. Action, "card"], []),
        ["Action.ToggleVisibility"] = new([.. Action, "targetElements"], ["targetElements"]),
    };

    private static readonly string[] Colors = ["default", "dark", "light", "accent", "good", "warning", "attention"];
    private static readonly string[] ContainerStyles = ["default", "emphasis", "good", "attention", "warning", "accent"];
    private static readonly string[] Alignments = ["left", "center", "right"];
    private static readonly string[] VerticalAlignments = ["top", "center", "bottom"];

    /// <summary>The values a property may take, by element type (<c>*</c> for every type that has the property).</summary>
    public static readonly Dictionary<(string Type, string Property), string[]> Enumerations = new()
    {
        [("*", "spacing")] = ["default", "none", "small", "medium", "large", "extraLarge", "padding"],
        [("*", "horizontalAlignment")] = Alignments,
        [("*", "verticalContentAlignment")] = VerticalAlignments,
        [("*", "color")] = Colors,
        [("*", "weight")] = ["default", "lighter", "bolder"],
        [("*", "fontType")] = ["default", "monospace"],
        [("TextBlock", "size")] = ["default", "small", "medium", "large", "extraLarge"],
        [("TextBlock", "style")] = ["default", "heading"],
        [("Container", "style")] = ContainerStyles,
        [("ColumnSet", "style")] = ContainerStyles,
        [("Column", "style")] = ContainerStyles,
        [("Image", "size")] = ["auto", "stretch", "small", "medium", "large"],
        [("Input.Text", "style")] = ["text", "tel", "url", "email", "password"],
        // "filtered" is Teams' static typeahead search
        // (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search).
        [("Input.ChoiceSet", "style")] = ["compact", "expanded", "filtered"],
        [("Action", "style")] = ["default", "positive", "destructive"],
        [("Action", "mode")] = ["primary", "secondary"],
        [("Action", "associatedInputs")] = ["auto", "none"],
    };
}
