namespace ChatOps.Core.Expressions;

/// <summary>
/// A condition over a check's result, such as <c>value &gt; 0.01</c> or
/// <c>status != 200 or latency_ms &gt;= 2000</c>. Parse once, evaluate many times.
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string text, ExpressionNode root, IReadOnlySet<string> variables) =>
        (Text, _root, Variables) = (text, root, variables);

    public string Text { get; }

    /// <summary>The names the expression reads.</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Parses <paramref name="text"/>; names outside <paramref name="known"/> are refused.</summary>
    public static Expression Parse(string text, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var root = new ExpressionParser(text, known, variables).ParseAll();
        return new Expression(text, root, variables);
    }

    /// <summary>True or false; throws <see cref="ExpressionException"/> when a name has no value or types mismatch.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, ExpressionValue> values) => _root.Evaluate(values);

    public override string ToString() => Text;
}
