using System.Globalization;

namespace ChatOps.Targets.Checks;

/// <summary>Numbers as a responder reads them in chat: invariant, no float noise.</summary>
internal static class NumberText
{
    public static string Format(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when value != 0 && Math.Abs(value) < 0.0001 => value.ToString("0.###E+0", CultureInfo.InvariantCulture),
        _ => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture),
    };
}
