using System.Globalization;

namespace ChatOps.Core.Expressions;

/// <summary>
/// Recursive descent over: or → and ('or' and)*; and → not ('and' not)*; not → 'not' not | '(' or ')' | comparison;
/// comparison → operand op operand; operand → number | "text" | name.
/// </summary>
internal sealed class ExpressionParser(string text, IReadOnlySet<string> known, HashSet<string> used)
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<"];
    private int _position;

    public ExpressionNode ParseAll()
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ExpressionException("The expression is empty.", 1);
        var node = ParseOr();
        SkipSpace();
        if (_position < text.Length) throw Error($"Unexpected '{text[_position..]}'");
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var node = ParseAnd();
        while (TryKeyword("or")) node = new OrNode(node, ParseAnd());
        return node;
    }

    private ExpressionNode ParseAnd()
    {
        var node = ParseNot();
        while (TryKeyword("and")) node = new AndNode(node, ParseNot());
        return node;
    }

    private ExpressionNode ParseNot()
    {
        if (TryKeyword("not")) return new NotNode(ParseNot());
        SkipSpace();
        if (Current == '(')
        {
            _position++;
            var inner = ParseOr();
            SkipSpace();
            if (Current != ')') throw Error("Expected ')'");
            _position++;
            return inner;
        }
        return ParseComparison();
    }

    private ComparisonNode ParseComparison()
    {
        var left = ParseOperand();
        SkipSpace();
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, _position, o, 0, o.Length) == 0)
            ?? throw Error("Expected a comparison (>, >=, <, <=, ==, !=)");
        _position += op.Length;
        var right = ParseOperand();
        return new ComparisonNode(left, op, right);
    }

    private Operand ParseOperand()
    {
        SkipSpace();
        if (_position >= text.Length) throw Error("Expected a value");
        var c = text[_position];
        if (c == '"') return ParseText();
        if (char.IsAsciiDigit(c) || c is '-' or '.') return ParseNumber();
        if (char.IsAsciiLetter(c) || c == '_') return ParseName();
        throw Error($"Unexpected '{c}'");
    }

    private LiteralOperand ParseText()
    {
        var end = text.IndexOf('"', _position + 1);
        if (end < 0) throw Error("Unclosed text: add the closing \"");
        var value = text[(_position + 1)..end];
        _position = end + 1;
        return new LiteralOperand(ExpressionValue.Of(value));
    }

    private LiteralOperand ParseNumber()
    {
        var start = _position;
        if (Current == '-') _position++;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.')) _position++;
        var span = text.AsSpan(start, _position - start);
        if (!double.TryParse(
                span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            throw new ExpressionException($"'{span}' is not a number", start + 1);
        return new LiteralOperand(ExpressionValue.Of(number));
    }

    private VariableOperand ParseName()
    {
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_')) _position++;
        var name = text[start.._position];
        if (!known.Contains(name))
            throw new ExpressionException(
                $"Unknown name '{name}'; use {string.Join(", ", known.Order(StringComparer.Ordinal))}", start + 1);
        used.Add(name);
        return new VariableOperand(name);
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = _position + keyword.Length;
        if (end > text.Length || string.Compare(text, _position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) return false;
        _position = end;
        return true;
    }

    private char Current => _position < text.Length ? text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
    }

    private ExpressionException Error(string message) => new(message, _position + 1);
}
