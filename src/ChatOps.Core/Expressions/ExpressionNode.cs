using System.Globalization;

namespace ChatOps.Core.Expressions;

internal abstract record ExpressionNode
{
    public abstract bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values);
}

internal sealed record AndNode(ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values) => Left.Evaluate(values) && Right.Evaluate(values);
}

internal sealed record OrNode(ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values) => Left.Evaluate(values) || Right.Evaluate(values);
}

internal sealed record NotNode(ExpressionNode Inner) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values) => !Inner.Evaluate(values);
}

internal sealed record ComparisonNode(Operand Left, string Operator, Operand Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values)
    {
        var left = Left.Resolve(values);
        var right = Right.Resolve(values);
        if (left.Number is { } a && right.Number is { } b)
        {
            return Operator switch
            {
                ">" => a > b,
                ">=" => a >= b,
                "<" => a < b,
                "<=" => a <= b,
                "==" => a.Equals(b),
                "!=" => !a.Equals(b),
                _ => throw new ExpressionException($"Unknown operator '{Operator}'."),
            };
        }
        if (left.Text is { } x && right.Text is { } y)
        {
            return Operator switch
            {
                "==" => string.Equals(x, y, StringComparison.OrdinalIgnoreCase),
                "!=" => !string.Equals(x, y, StringComparison.OrdinalIgnoreCase),
                _ => throw new ExpressionException($"Texts compare only with == and !=, not '{Operator}'."),
            };
        }
        throw new ExpressionException($"Cannot compare {left} with {right}.");
    }
}

internal abstract record Operand
{
    public abstract ExpressionValue Resolve(IReadOnlyDictionary<string, ExpressionValue> values);
}

internal sealed record LiteralOperand(ExpressionValue Value) : Operand
{
    public override ExpressionValue Resolve(IReadOnlyDictionary<string, ExpressionValue> values) => Value;
}

internal sealed record VariableOperand(string Name) : Operand
{
    public override ExpressionValue Resolve(IReadOnlyDictionary<string, ExpressionValue> values) =>
        values.TryGetValue(Name, out var value)
            ? value
            : throw new ExpressionException(string.Create(CultureInfo.InvariantCulture, $"The result has no '{Name}'."));
}
