using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Tests.Expressions;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, ExpressionValue> Values = new()
    {
        ["value"] = ExpressionValue.Of(0.02),
        ["status"] = ExpressionValue.Of(200),
        ["grade"] = ExpressionValue.Of("ok"),
    };

    [Theory]
    [InlineData("value > 0.01", true)]
    [InlineData("value >= 0.02", true)]
    [InlineData("value < 0.01", false)]
    [InlineData("status != 200", false)]
    [InlineData("status == 200 and value > 0.5", false)]
    [InlineData("status == 200 and (value > 0.5 or value > 0.01)", true)]
    [InlineData("not value > 0.5", true)]
    [InlineData("grade == \"OK\"", true)]
    [InlineData("grade != \"critical\"", true)]
    [InlineData("-1 < value", true)]
    public void Evaluates(string text, bool expected) =>
        Assert.Equal(expected, Expression.Parse(text, CheckDefinition.ResultNames).Evaluate(Values));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("value >", "Expected a value")]
    [InlineData("value", "Expected a comparison")]
    [InlineData("value > 0.01 and", "Expected a value")]
    [InlineData("(value > 1", "Expected ')'")]
    [InlineData("valu > 1", "Unknown name 'valu'")]
    [InlineData("value > 1.2.3", "not a number")]
    [InlineData("grade == \"ok", "Unclosed")]
    [InlineData("value > 1 value", "Unexpected")]
    public void Refuses_what_does_not_parse(string text, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(text, CheckDefinition.ResultNames));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_or_a_type_mismatch_is_an_evaluation_error()
    {
        var noLatency = Expression.Parse("latency_ms > 100", CheckDefinition.ResultNames);
        Assert.Throws<ExpressionException>(() => noLatency.Evaluate(Values));
        var textAsNumber = Expression.Parse("grade > 1", CheckDefinition.ResultNames);
        Assert.Throws<ExpressionException>(() => textAsNumber.Evaluate(Values));
    }
}
