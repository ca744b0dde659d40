using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Safety;

/// <summary>
/// Removes credentials from text before it is posted: API keys (OpenAI, Anthropic, Hugging Face, Google, Stripe,
/// SendGrid, npm, GitLab), bearer and basic tokens, JWTs, passwords and secrets in <c>key=value</c>, <c>key: value</c>
/// and JSON forms and in connection strings, Azure account keys and shared access signatures, credentials in URLs and
/// after command-line flags (<c>--password</c>, <c>mysql -p</c>, <c>redis-cli -a</c>, <c>curl -u</c>), AWS keys,
/// private key blocks, Slack and GitHub tokens, also when zero-width characters split them. Vendor prefixes are kept
/// (<c>sk-proj-[REDACTED]</c>) so responders know which credential to rotate. Look-alikes such as "skeleton",
/// "max_tokens=512" or a sha256 digest are left alone, and so are settings about a secret whose value plainly is not
/// one (<c>password_min_length=12</c>, see <see cref="PlainSetting"/>).
/// </summary>
public static partial class SecretRedactor
{
    public const string Marker = "[REDACTED]";

    // A backstop against a pattern gone pathological, not a budget: every rule is linear, and a normal message takes
    // milliseconds. It is generous because the clock also runs while a loaded machine is not scheduling this thread,
    // and a timeout withholds the whole message.
    private const int TimeoutMs = 3000;

    private static readonly (Func<Regex> Pattern, MatchEvaluator Replace)[] Rules =
    [
        (PrivateKeyBlock, m => $"-----BEGIN {m.Groups["label"].Value}----- {Marker} -----END {m.Groups["label"].Value}-----"),
        (UrlCredentials, m => $"{m.Groups["user"].Value}:{Marker}@"),
        (Jwt, _ => Marker),
        (AzureSharedAccessSignature, m => m.Groups["head"].Value + Marker),
        (AuthorizationHeader, m => m.Groups["head"].Value + Marker),
        (BearerToken, m => m.Groups["head"].Value + Marker),
        (AwsSecretNearAccessKeyId, m => m.Groups["head"].Value + Marker),
        (PrefixedToken, m => m.Groups["prefix"].Value + Marker),
        (SlackWebhook, m => m.Groups["prefix"].Value + Marker),
        (CommandLineLongFlag, RedactValue),
        (CommandLineShortFlag, RedactValue),
        (KeyValueSecret, m => PlainSetting.IsPlain(m.Groups["key"].ValueSpan, m.Groups["value"].ValueSpan)
            ? m.Value
            : m.Groups["head"].Value + Marker + m.Groups["close"].Value),
    ];

    // Every rule below needs one of these words to match: text without any of them cannot hold a secret that a rule
    // recognises, so it skips the regexes (most of what the bot posts: cards, timelines, replies). Keep them in step
    // with the rules; the tests check each leak of the corpus against them and the fast path against the full one.
    private static readonly SearchValues<string> CaseSensitiveWords = SearchValues.Create(
    [
        "-----BEGIN", "://", "eyJ", "hooks.slack.com",
        "sk-", "sk_", "rk_", "hf_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "xapp-", "AIza",
        "mysql", "mariadb", "mongo", "sshpass", "docker login", "podman login", "nerdctl login", "az login", "-cli", "curl",
        "npm_", "glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glcbt-", "gloas-", "glsoat-", "glimt-", "GR1348941", "SG.",
        "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA",
    ], StringComparison.Ordinal);

    // The rules that ignore case; their words are ASCII.
    private static readonly SearchValues<string> AnyCaseWords = SearchValues.Create(
        ["authorization", "bearer", "pass", "secret", "key", "pwd", "token", "sig"], StringComparison.OrdinalIgnoreCase);

    // Characters that show nothing, so that "s\u200Bk-proj-..." reads as a key in chat yet splits every rule's word: ZERO
    // WIDTH SPACE, NON-JOINER and JOINER, WORD JOINER, and BYTE ORDER MARK (read as ZERO WIDTH NO-BREAK SPACE). The rules
    // see the text without them.
    private const string ZeroWidthCharacters = "\u200B\u200C\u200D\u2060\uFEFF";

    private static readonly SearchValues<char> ZeroWidth = SearchValues.Create(ZeroWidthCharacters);

    // Text holding one of these always takes the full path: the zero-width characters hide the words above, and the
    // KELVIN SIGN is the one character outside ASCII that a case-insensitive regex matches to an ASCII letter (k),
    // which an ordinal comparison would not see.
    private static readonly SearchValues<char> FullPathAlways = SearchValues.Create("\u212A" + ZeroWidthCharacters);

    /// <summary>The text with every secret replaced; on a pathological input it withholds the text rather than risk a leak.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return MayHoldSecret(text) ? RedactAllRules(text) : text;
    }

    /// <summary>False only when no rule can match: none of the words any rule needs is in the text.</summary>
    internal static bool MayHoldSecret(ReadOnlySpan<char> text) =>
        text.ContainsAny(CaseSensitiveWords) || text.ContainsAny(AnyCaseWords) || text.ContainsAny(FullPathAlways);

    /// <summary>Every rule over the text, whatever it holds: the path <see cref="Redact"/> takes when a word is present.</summary>
    internal static string RedactAllRules(string text)
    {
        var visible = WithoutZeroWidth(text);
        try
        {
            var redacted = visible;
            foreach (var (pattern, replace) in Rules)
                redacted = pattern().Replace(redacted, replace);
            // Text without a secret keeps its zero-width characters: emoji sequences are joined by U+200D and some
            // scripts need U+200C. Text with one is posted as the rules saw it, so no piece of a split secret is left.
            return string.Equals(redacted, visible, StringComparison.Ordinal) ? text : redacted;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"{Marker} (output withheld: it could not be checked for secrets in time)";
        }
    }

    /// <summary>The match with its <c>value</c> group replaced; what stands around the value stays.</summary>
    private static string RedactValue(Match match)
    {
        var value = match.Groups["value"];
        var at = value.Index - match.Index;
        return string.Concat(match.ValueSpan[..at], Marker, match.ValueSpan[(at + value.Length)..]);
    }

    /// <summary>The text without zero-width characters; the same string when it holds none.</summary>
    internal static string WithoutZeroWidth(string text)
    {
        var rest = text.AsSpan();
        var at = rest.IndexOfAny(ZeroWidth);
        if (at < 0) return text;
        var kept = new StringBuilder(text.Length);
        for (; at >= 0; at = rest.IndexOfAny(ZeroWidth))
        {
            kept.Append(rest[..at]);
            rest = rest[(at + 1)..];
        }
        return kept.Append(rest).ToString();
    }
}
