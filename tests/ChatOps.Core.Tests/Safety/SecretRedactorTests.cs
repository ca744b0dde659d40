using ChatOps.Core.Safety;

namespace ChatOps.Core.Tests.Safety;

public sealed class SecretRedactorTests
{
    /// <summary>The corpus's lines that hold a secret, each with the secret that must disappear.</summary>
    public static TheoryData<string, string> Leaks
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (line, secret) in RedactionCorpus.Secrets) data.Add(line, secret);
            return data;
        }
    }

    /// <summary>The corpus's ordinary lines, which must reach chat unchanged.</summary>
    public static TheoryData<string> LookAlikes => [.. RedactionCorpus.Ordinary];

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Leaks_are_redacted(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, SecretRedactor.WithoutZeroWidth(redacted), StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Marker, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Look_alikes_survive(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("API_KEY=sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA", "API_KEY=sk-proj-[REDACTED]")]
    [InlineData("password=hunter2", "password=[REDACTED]")]
    [InlineData("password: 123456", "password: [REDACTED]")]
    [InlineData("password_length: hunter2, password_min_length: 12", "password_length: [REDACTED], password_min_length: 12")]
    [InlineData("password_reset_url=https://auth/reset?token=abc123", "password_reset_url=[REDACTED]")]
    [InlineData("mysql -u root -phunter2 -e 'select 1' && ssh -p 2222 bastion", "mysql -u root -p[REDACTED] -e 'select 1' && ssh -p 2222 bastion")]
    [InlineData("redis-cli -h redis-0 -p 6379 -a 'hunter 2' ping", "redis-cli -h redis-0 -p 6379 -a '[REDACTED]' ping")]
    [InlineData("curl -sS -u ops:hunter2 https://grafana/api", "curl -sS -u ops:[REDACTED] https://grafana/api")]
    [InlineData("app --password hunter2 --password-file /run/pw --db-password=hunter3", "app --password [REDACTED] --password-file /run/pw --db-password=[REDACTED]")]
    [InlineData("key sk-ant-api03-Xy7Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc2Vb5N leaked", "key sk-ant-api03-[REDACTED] leaked")]
    [InlineData("key 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 leaked", "key SG.[REDACTED] leaked")]
    [InlineData("token glpat-ugkZeESG61she-QAqq0n.", "token glpat-[REDACTED].")]
    [InlineData("token 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, npm_2zbJYAxyL1aCcTlN99mhWp708DwGw5HqXDgL", "token hf_[REDACTED], npm_[REDACTED]")]
    [InlineData("postgres://chatops:hunter2@pg.llm:5432/platform", "postgres://chatops:[REDACTED]@pg.llm:5432/platform")]
    [InlineData("redis://:hunter2@redis-0:6379/0", "redis://:[REDACTED]@redis-0:6379/0")]
    [InlineData("""{"password": "correct horse"}""", """{"password": "[REDACTED]"}""")]
    [InlineData("Host=pg;Password=ro-Secret-42;Database=platform", "Host=pg;Password=[REDACTED];Database=platform")]
    [InlineData("Authorization: Bearer 4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef", "Authorization: Bearer [REDACTED]")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "AKIA[REDACTED]")]
    [InlineData("AKIAIOSFODNN7EXAMPLE deployed at commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "AKIA[REDACTED] deployed at commit 9fceb02d0ae598e95dc970b74767f19372d61af8")]
    [InlineData("AKIAIOSFODNN7EXAMPLE=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIA[REDACTED]=[REDACTED]")]
    [InlineData("AccountName=llmlogs;AccountKey=pU3KGCUwux1tEyze1iN7Ltke+P3I/fyxlxF0SU1kk==;EndpointSuffix=core.windows.net",
        "AccountName=llmlogs;AccountKey=[REDACTED];EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=https://llmlogs.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sp=rl&sig=J6Cus%2F7pIy%3D;x=1",
        "BlobEndpoint=https://llmlogs.blob.core.windows.net/;SharedAccessSignature=[REDACTED];x=1")]
    [InlineData("https://llmlogs.blob.core.windows.net/a.log?sv=2022-11-02&sp=r&sig=J6Cus%2F7pIy%3D&se=2026-12-01",
        "https://llmlogs.blob.core.windows.net/a.log?sv=2022-11-02&sp=r&sig=[REDACTED]&se=2026-12-01")]
    [InlineData("Authorization: SharedAccessSignature sr=sb%3a%2f%2fx&sig=J6Cus%2F7pIy%3D&se=1767225600&skn=send",
        "Authorization: SharedAccessSignature [REDACTED]")]
    public void The_shape_around_a_secret_is_kept(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Redacting_twice_changes_nothing_more(string text, string secret)
    {
        _ = secret;
        var once = SecretRedactor.Redact(text);

        Assert.Equal(once, SecretRedactor.Redact(once));
    }

    [Fact]
    public void A_secret_split_by_zero_width_characters_is_posted_without_them()
    {
        Assert.Equal("redis password=[REDACTED] on redis-0", SecretRedactor.Redact("redis pass\u200Bword=hun\u200Dter2 on\uFEFF redis-0"));
    }

    [Fact]
    public void Text_without_a_secret_keeps_its_zero_width_characters_and_is_the_same_string()
    {
        const string Text = "max_\u200Btokens=4096 for \U0001F469\u200D\U0001F4BB";
        Assert.Same(Text, SecretRedactor.Redact(Text));
    }

    [Fact]
    public void A_plain_setting_comes_back_as_the_same_string()
    {
        // MessageRedaction keeps a message whose texts come back as the same strings.
        const string Text = "password_min_length=12 secret_rotation_days=30";
        Assert.Same(Text, SecretRedactor.Redact(Text));
    }

    [Fact]
    public void Empty_and_null_are_empty()
    {
        Assert.Equal("", SecretRedactor.Redact(null));
        Assert.Equal("", SecretRedactor.Redact(""));
    }
}
