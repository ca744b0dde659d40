namespace ChatOps.Core.Expressions;

/// <summary>An expression that does not parse (with the column), or cannot be evaluated on the values at hand.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException() { }

    public ExpressionException(string message) : base(message) { }

    public ExpressionException(string message, Exception inner) : base(message, inner) { }

    public ExpressionException(string message, int column) : base($"{message} (at column {column})") => Column = column;

    public int? Column { get; }
}
