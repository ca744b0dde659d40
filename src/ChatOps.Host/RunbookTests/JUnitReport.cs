using System.Globalization;
using System.Xml;
using ChatOps.Core.RunbookTests;

namespace ChatOps.Host.RunbookTests;

/// <summary>
/// Runbook test results as JUnit XML (one test case per scenario, named after it, classed by its runbook), the report
/// CI systems read (https://github.com/testmoapp/junitxml).
/// </summary>
internal static class JUnitReport
{
    public static void Write(string path, IReadOnlyList<ScenarioTestResult> results)
    {
        var settings = new XmlWriterSettings { Indent = true, Async = false };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", "runbook scenarios");
        writer.WriteAttributeString("tests", Number(results.Count));
        writer.WriteAttributeString("failures", Number(results.Count(r => !r.Passed)));
        writer.WriteAttributeString("errors", "0");
        writer.WriteAttributeString("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed)));
        foreach (var result in results)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", result.Scenario.Runbook);
            writer.WriteAttributeString("name", result.Scenario.Id);
            writer.WriteAttributeString("file", result.Scenario.SourceFile);
            writer.WriteAttributeString("time", Seconds(result.Elapsed));
            if (!result.Passed)
            {
                writer.WriteStartElement("failure");
                writer.WriteAttributeString("message", result.Failures[0].ToString());
                writer.WriteString(string.Join("\n", result.Failures));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
