using System.Globalization;
using ChatOps.Core.Safety;
using Xunit.Abstractions;

namespace ChatOps.Core.Tests.Safety;

/// <summary>The redactor's figures over the whole corpus: how many secrets it removes, how many ordinary lines it changes.</summary>
public sealed class RedactionCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Nearly_every_secret_is_caught_and_nearly_no_ordinary_line_is_changed()
    {
        var missed = RedactionCorpus.Secrets.Where(s => SecretRedactor.WithoutZeroWidth(SecretRedactor.Redact(s.Line)).Contains(s.Secret, StringComparison.Ordinal)).ToList();
        var changed = RedactionCorpus.Ordinary.Where(line => SecretRedactor.Redact(line) != line).ToList();
        var caught = Percent(RedactionCorpus.Secrets.Length - missed.Count, RedactionCorpus.Secrets.Length);
        var falsePositives = Percent(changed.Count, RedactionCorpus.Ordinary.Length);

        var report = string.Create(CultureInfo.InvariantCulture,
            $"Redaction corpus: caught {caught:0.0}% of {RedactionCorpus.Secrets.Length} secrets, changed {falsePositives:0.0}% of {RedactionCorpus.Ordinary.Length} ordinary lines");
        Report(report);
        foreach (var (line, _) in missed) Report($"  missed: {line}");
        foreach (var line in changed) Report($"  changed: {line} -> {SecretRedactor.Redact(line)}");

        Assert.True(RedactionCorpus.Secrets.Length >= 60, report);
        Assert.True(RedactionCorpus.Ordinary.Length >= 40, report);
        Assert.True(caught >= 97, report);
        Assert.True(falsePositives <= 2, report);
    }

    [Fact]
    public void Every_secret_of_the_corpus_is_in_its_line()
    {
        // Otherwise a secret would count as caught for never having been there.
        Assert.All(RedactionCorpus.Secrets, s => Assert.Contains(s.Secret, SecretRedactor.WithoutZeroWidth(s.Line), StringComparison.Ordinal));
    }

    private static double Percent(int part, int whole) => 100.0 * part / whole;

    // The runner shows a passing test's ITestOutputHelper lines only at detailed verbosity; standard output reaches
    // the console logger at normal verbosity too.
    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
