using System.Globalization;

namespace ChatOps.Core.Expressions;

/// <summary>A number or a text, the two things a check's result exposes to expressions.</summary>
public readonly record struct ExpressionValue
{
    private ExpressionValue(double? number, string? text) => (Number, Text) = (number, text);

    public double? Number { get; }
    public string? Text { get; }

    public static ExpressionValue Of(double number) => new(number, null);

    public static ExpressionValue Of(string text) => new(null, text);

    public override string ToString() =>
        Number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) : $"\"{Text}\"";
}
