using System.Text.RegularExpressions;

namespace ChatOps.Core.Safety;

// The patterns live apart from the rules table so that the table, the fast path's words and the entry points read on one page.
public static partial class SecretRedactor
{
    // -----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----, also a block cut before its END line.
    // The END line is looked for up to the next BEGIN or END line only, so that many BEGIN lines without an END cost
    // one pass over the text, not one each to its end.
    [GeneratedRegex(
        @"-----BEGIN (?<label>(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----" +
        @"(?:(?>(?:[^-]+|-(?!----(?:BEGIN|END) ))*)-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----" +
        @"|[A-Za-z0-9+/=\s:,.-]*)",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PrivateKeyBlock();

    // scheme://user:password@host, and scheme://:password@host as Redis and PostgreSQL URLs write a password alone.
    [GeneratedRegex(
        @"(?<user>\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@?#]*):(?!\[REDACTED\])[^\s@/?#]+@", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UrlCredentials();

    // header.payload.signature, both JSON parts base64url of '{"'.
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Jwt();

    // Azure shared access signatures: all of a connection string's SharedAccessSignature=sv=...&sig=... (or a Service Bus
    // token after the word), and the sig= field of a SAS URL, whose other fields only say what the signature allows.
    [GeneratedRegex(
        @"(?<head>\bSharedAccessSignature(?:\s*=\s*|\s+(?=s[a-z]{1,2}=)))(?![^\s\[]{0,100}\[REDACTED\])[^\s;""'<>]+" +
        @"|(?<head>[?&;]sig=)(?!\[REDACTED\])[^\s&#;""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AzureSharedAccessSignature();

    [GeneratedRegex(
        @"(?<head>\b(?:Proxy-)?Authorization[""']?\s*[:=]\s*[""']?(?:(?:Bearer|Basic|Token|Digest|ApiKey|SharedAccessSignature)\s+)?)" +
        @"(?!\S{0,100}\[REDACTED\])(?!(?:Bearer|Basic|Token|Digest|ApiKey|SharedAccessSignature)\b)[^\s""',;]{6,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AuthorizationHeader();

    // "Bearer <token>" needs a token-like word (16+ characters with a digit): "Bearer of bad news" stays.
    [GeneratedRegex(
        @"(?<head>\bBearer\s+)(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}=*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BearerToken();

    // An AWS secret key (40 characters) within 100 characters after its access key id, whatever stands between them:
    // a credentials CSV, "AKIA...=...", a quoted pair, two "aws configure set" commands. It needs both cases of
    // letters, as a random key has, so that a commit's 40 hex digits near a key id stay.
    [GeneratedRegex(
        @"(?<head>\b(?:AKIA|ASIA)[A-Z0-9]{16}\b[\s\S]{1,100}?)(?<![A-Za-z0-9/+])" +
        @"(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AwsSecretNearAccessKeyId();

    // Keys whose shape announces them; the random part must hold a digit and a letter, so "sk-8 GPU" and slugs stay.
    // The digit and the letter are looked for in the first 100 characters, so that "sk-sk-sk-..." is not scanned from
    // each prefix to its end; a random key has both much sooner. Some vendors' keys have a shape of their own:
    // Hugging Face's are letters only (both cases and no underscore tell them from hf_hub_download), npm's are 36
    // letters and digits (npm_config_cache holds underscores), GitLab's and SendGrid's prefixes are distinctive enough.
    [GeneratedRegex(
        @"\b(?<prefix>sk-(?:proj-|ant-(?:api|admin)\d\d-|ant-|svcacct-|admin-)?|(?:sk|rk)_(?:live|test)_|gh[pousr]_|github_pat_" +
        @"|xox[abposr]-|xapp-|AIza)(?=[A-Za-z0-9_-]{0,99}[0-9])(?=[A-Za-z0-9_-]{0,99}[A-Za-z])[A-Za-z0-9_-]{20,}" +
        @"|\b(?<prefix>hf_)(?=[A-Za-z0-9]{0,99}[a-z])(?=[A-Za-z0-9]{0,99}[A-Z])(?>[A-Za-z0-9]{30,})(?![_-])" +
        @"|\b(?<prefix>npm_)(?=[A-Za-z0-9]{0,35}[A-Z0-9])[A-Za-z0-9]{36}(?![A-Za-z0-9_-])" +
        @"|\b(?<prefix>gl(?:pat|dt|rt|ptt|ft|cbt|oas|soat|imt)-|GR1348941)[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]+)*" +
        @"|\b(?<prefix>SG\.)[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}" +
        @"|\b(?<prefix>AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PrefixedToken();

    [GeneratedRegex(@"(?<prefix>hooks\.slack\.com/(?:services|workflows)/)[A-Za-z0-9/_-]+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SlackWebhook();

    // A flag's value written after a space is taken only when it does not read as prose ("the --password flag is
    // deprecated", "mysql -p prompts") and is not the next flag or a <placeholder>.
    private const string FlagValueAfterSpace =
        @"[ \t]+(?![-<]|(?:the|a|an|and|or|to|of|is|are|was|for|in|on|with|from|as|if|when|not|it|this|that|which|here|too|also" +
        @"|flag|option|argument|parameter|value|variable|field|setting|instead|only|must|should|can|will)\b)";

    private const string FlagValue =
        @"(?![^\s\[]{0,100}\[REDACTED\])(?:""(?<value>[^""\r\n]+)""|'(?<value>[^'\r\n]+)'|(?<value>[^\s""']+))";

    // --password X, --db-password=X, --passphrase X, --token X, --api-key X, --client-secret X on any command line;
    // --password-file and --max-tokens name no secret, and a bare --secret (docker build) takes a spec, not a value.
    [GeneratedRegex(
        @"(?<![\w-])--(?:[a-z0-9]+-)*(?:password|passwd|passphrase|pass|pwd|token|api-?key|access-key|secret-key|(?<=[a-z0-9]-)secret)" +
        @"(?:=|" + FlagValueAfterSpace + ")" + FlagValue,
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CommandLineLongFlag();

    // Short flags that are passwords only for some commands: -p for MySQL and MariaDB clients, mongo, sshpass, and
    // docker, podman or az login (for psql, ssh and docker run it is a port); -a for redis-cli; user:password after
    // curl -u. The flag must belong to the command, with no |, ;, & or line break between them, and is looked for
    // within 200 characters, so that each command word costs a bounded scan.
    [GeneratedRegex(
        @"\b(?:mysql(?:admin|dump|check|import|show|sh)?|mariadb(?:-dump|-admin)?|mongo(?:sh|dump|restore)?|sshpass" +
        @"|(?:docker|podman|nerdctl|az) login)\b" +
        @"[^\r\n|;&]{0,200}?[ \t]-p(?:" + FlagValueAfterSpace + @"|(?=[^\s-]))" + FlagValue +
        @"|\b(?:redis|keydb|valkey)-cli\b[^\r\n|;&]{0,200}?[ \t]-a" + FlagValueAfterSpace + FlagValue +
        @"|\bcurl\b[^\r\n|;&]{0,200}?[ \t](?:-u[ \t]*|--user(?:[ \t]+|=))" +
        @"(?:""[^\s:""]*:(?<value>[^""\r\n]+)""|'[^\s:']*:(?<value>[^'\r\n]+)'" +
        @"|[^\s:""']*:(?![^\s\[]{0,100}\[REDACTED\])(?<value>[^\s""']+))",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CommandLineShortFlag();

    // password=..., "password": "...", pwd: ..., DB_PASSWORD=..., Password=...; in connection strings, api_key: ..., GITHUB_TOKEN=...,
    // Azure's AccountKey=... and Ocp-Apim-Subscription-Key: ...
    // A *token* key must end in "token": max_tokens, input_tokens and token_count are counts, not secrets.
    // A key is matched from its first character only and its words are found once (an atomic group), so a long run
    // of key characters costs one pass, not one per character of it.
    [GeneratedRegex(
        @"(?<head>(?<![A-Za-z0-9_.-])(?<key>(?>[A-Za-z0-9_.-]*?(?:password|passwd|passphrase|secret" +
        @"|(?:api|private|access|account|storage|subscription)[_-]?key)(?:[_.-][A-Za-z0-9_.-]*)?(?![A-Za-z0-9_.-]))" +
        @"|(?>(?:[A-Za-z0-9]*[_.-])*)(?:pwd|apikey|token|secretaccesskey)(?![A-Za-z0-9_.-]))" +
        @"[""']?\s*(?::|=>|=)\s*(?<quote>[""'])?)(?![^\s\[]{0,100}\[REDACTED\])" +
        @"(?(quote)(?<value>[^""'\r\n]+)|(?<value>[^\s""',;&<>)}\]]+))(?<close>[""']?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex KeyValueSecret();
}
