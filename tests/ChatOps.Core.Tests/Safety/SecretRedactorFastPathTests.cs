using System.Text.RegularExpressions;
using ChatOps.Core.Safety;
using CsCheck;

namespace ChatOps.Core.Tests.Safety;

/// <summary>Text without any word a rule needs skips the regexes; these pin that the skip never changes the answer.</summary>
public sealed class SecretRedactorFastPathTests
{
    // Pieces of secrets, of the words the rules look for (in any case, whole and cut short), separators and filler,
    // so that generated text often comes close to a rule without always matching it.
    private static readonly string[] Words =
    [
        "password", "PASSWD", "Passphrase", "secret", "api_key", "API-KEY", "apikey", "private_key", "access-key", "pwd", "token",
        "GITHUB_TOKEN", "Authorization", "Proxy-Authorization", "bearer", "Bearer ", "pas", "tok", "ey", "sk", "AKI", "gh", "xo",
        "sk-", "sk-proj-", "sk-ant-api03-", "sk_live_", "rk_test_", "hf_", "ghp_", "gho_", "github_pat_", "xoxb-", "xapp-", "AIza",
        "AKIA", "ASIA", "AROA", "eyJ", "eyJhbGciOiJIUzI1NiJ9", "-----BEGIN ", "PRIVATE KEY-----", "-----END ", "://", "postgres://u",
        "hooks.slack.com/services/", "\u212A", "\u212Aey", ":", "=", "=>", "\"", "'", " ", "\n", "@", "/", ".", ",", ";", "-", "_", "·", "…",
        "\u200B", "\u200D", "\uFEFF", "pass\u200Bword=", "s\u2060k-proj-", "AK\u200CIA",
        "AccountKey=", "SharedAccessSignature=", "SharedAccessSignature sr=", "&sig=", "?SIG=", "si",
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "SG.", "npm_", "glpat-", "gldt-", "GR1348941", "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",
        "mysql ", "mysql -u root -p", "redis-cli -a ", "curl -u a:", "docker login -p ", "--password ", "--api-key=", " -p", " -a ", "|",
    ];

    private static readonly string[] Corpus =
        [.. First(SecretRedactorTests.Leaks), .. First(SecretRedactorTests.LookAlikes)];

    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.OneOf(Words), Gen.Char.AlphaNumeric.Array[1, 45].Select(c => new string(c)), Gen.OneOf(Corpus));

    private static IEnumerable<string> First(IEnumerable<object[]> rows) => rows.Select(row => (string)row[0]);

    private static readonly Gen<string> Text = Piece.Array[0, 24].Select(string.Concat);

    [Fact]
    public void The_fast_path_answers_as_every_rule_would() =>
        Text.Sample(text => Assert.Equal(SecretRedactor.RedactAllRules(text), SecretRedactor.Redact(text)), iter: 5000);

    // Letters that spell none of the rules' words, with the separators rules look around, so that most generated
    // text passes the filter below (a filter that rejects nearly everything makes the generator give up).
    private const string Harmless = "abcdfgijlmnquvz0123456789:=\"' \n@/.,;-_·";

    private static readonly Gen<string> HarmlessText =
        Gen.Int[0, Harmless.Length - 1].Array[0, 200].Select(ix => new string([.. ix.Select(i => Harmless[i])]));

    [Fact]
    public void Text_that_no_rule_can_match_is_left_as_it_is() =>
        HarmlessText.Where(text => !SecretRedactor.MayHoldSecret(text)).Sample(text => Assert.Equal(text, SecretRedactor.RedactAllRules(text)), iter: 2000);

    [Theory]
    [MemberData(nameof(SecretRedactorTests.Leaks), MemberType = typeof(SecretRedactorTests))]
    public void Every_leak_of_the_corpus_takes_the_full_path(string text, string secret)
    {
        _ = secret;
        Assert.True(SecretRedactor.MayHoldSecret(text));
        // The rules see the text without zero-width characters: a word of the filter must be there too.
        Assert.True(SecretRedactor.MayHoldSecret(SecretRedactor.WithoutZeroWidth(text)));
    }

    [Fact]
    public void A_card_without_secrets_comes_back_as_the_same_string()
    {
        const string Text = "INC-2026-0001 · SEV3 · Checkout latency up\nDeclared 2026-11-28 09:00 UTC by <@U0ALICE001>";
        Assert.Same(Text, SecretRedactor.Redact(Text));
    }

    [Fact]
    public void A_kelvin_sign_written_for_k_takes_the_full_path()
    {
        // A case-insensitive regex matches U+212A to 'k'; an ordinal search for "key" does not see it.
        const string Text = "API_\u212AEY=Zq8vR2mN4tX7bK1wP9";
        Assert.DoesNotContain("Zq8vR2mN4tX7bK1wP9", SecretRedactor.Redact(Text), StringComparison.Ordinal);
    }

    [Fact]
    public void The_kelvin_sign_is_the_only_character_outside_ascii_that_ignoring_case_matches_to_an_ascii_letter()
    {
        // The rules are compiled CultureInvariant | IgnoreCase; this is the same equivalence the fast path relies on.
        var letter = new Regex($"^(?:{string.Join('|', Enumerable.Range('a', 26).Select(c => (char)c))})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var folding = Enumerable.Range(128, char.MaxValue - 127).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && letter.IsMatch(c.ToString()));
        Assert.Equal(['\u212A'], folding);
    }
}
