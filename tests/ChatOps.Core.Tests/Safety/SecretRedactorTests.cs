using ChatOps.Core.Safety;

namespace ChatOps.Core.Tests.Safety;

public sealed class SecretRedactorTests
{
    /// <summary>Realistic leaks, each with the secret that must disappear. Key material is made up, in the vendors' shapes.</summary>
    public static TheoryData<string, string> Leaks => new()
    {
        { "OPENAI_API_KEY=sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yAaB3cD4eF", "Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yAaB3cD4eF" },
        { "Sure. API_KEY=sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA", "Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA" },
        { "legacy key sk-4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef in config", "4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef" },
        { "ERROR auth failed for API key sk-ant-api03-Xy7Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc2Vb5Nm8Qw1Er4Ty7: 401", "Xy7Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc2Vb5Nm8Qw1Er4Ty7" },
        { "x-api-key: sk-ant-admin01-Qw3Er6Ty9Ui2Op5As8Df1Gh4Jk7Lz0Xc3Vb6Nm9", "Qw3Er6Ty9Ui2Op5As8Df1Gh4Jk7Lz0Xc3Vb6Nm9" },
        { "HF_TOKEN=hf_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5", "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5" },
        { "stripe: sk_live_51Hq8vR2mN4tX7bK1wP9sL3dF6", "51Hq8vR2mN4tX7bK1wP9sL3dF6" },
        { "Authorization: Bearer 4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef", "4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef" },
        { "curl -H 'Authorization: Basic Y2hhdG9wczpodW50ZXIy' https://api", "Y2hhdG9wczpodW50ZXIy" },
        { "token sent as bearer ya29.a0AfH6SMBx3k9Lq2Mn8Pr4St7Uv1Wx", "ya29.a0AfH6SMBx3k9Lq2Mn8Pr4St7Uv1Wx" },
        { "id_token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
        { "cookie session=eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiYWxpY2UifQ.dGhpc2lzYXNpZ25hdHVyZQ", "eyJ1c2VyIjoiYWxpY2UifQ" },
        { "The admin password=hunter2 was reused", "hunter2" },
        { "db password: Tr0ub4dor&3", "Tr0ub4dor&3" },
        { "pwd: s3cr3t!", "s3cr3t!" },
        { """{"user": "svc", "password": "correct horse battery staple"}""", "correct horse battery staple" },
        { "PGPASSWORD='p@ss w0rd' psql", "p@ss w0rd" },
        { "MYSQL_ROOT_PASSWORD=rootpw123", "rootpw123" },
        { "Host=pg.llm;Username=chatops_readonly;Password=ro-Secret-42;Database=platform", "ro-Secret-42" },
        { "Server=sql1;User Id=sa;Pwd=Sup3rS3cret;", "Sup3rS3cret" },
        { "redis.llm:6379,password=r3d1s-pw,ssl=true", "r3d1s-pw" },
        { "connecting to postgres://chatops:hunter2@pg.llm:5432/platform", "hunter2" },
        { "amqp://guest:Gu3st-P4ss@rabbit:5672/", "Gu3st-P4ss" },
        { "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE" },
        { "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { """{"AccessKeyId": "ASIAY34FZKBOKMUTVV7A", "SecretAccessKey": "9drTJvcXLB89EXAMPLEKEYk2bQ3fPN8Vgx1ZpKEY"}""", "9drTJvcXLB89EXAMPLEKEYk2bQ3fPN8Vgx1ZpKEY" },
        { "AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { "SLACK_BOT_TOKEN=xoxb-2011237681-5432109876543-AbCdEfGhIjKlMnOpQrStUvWx", "5432109876543-AbCdEfGhIjKlMnOpQrStUvWx" },
        { "app token xapp-1-A0123456789-1234567890123-abcdef0123456789", "A0123456789-1234567890123-abcdef0123456789" },
        { "user token xoxp-1234567890-0987654321-1122334455-aabbccddeeff00112233445566778899", "aabbccddeeff00112233445566778899" },
        { "posting to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" },
        { "git clone https://ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8@github.com/org/repo", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" },
        { "GITHUB_TOKEN: github_pat_11ABCDEFG0aBcDeFgHiJkL_MnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrSt", "11ABCDEFG0aBcDeFgHiJkL" },
        { "GOOGLE_API_KEY=AIzaSyD3k9Lq2Mn8Pr4St7Uv1Wx5Yz0Ab6Cd2E", "SyD3k9Lq2Mn8Pr4St7Uv1Wx5Yz0Ab6Cd2E" },
        { "client_secret: 8Q~abc.DEF_ghi-JKL", "8Q~abc.DEF_ghi-JKL" },
        { "webhook secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naFDrBz9vFqU4yV4K5Ovk2KMo2hA=\n-----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn" },
        { "key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n  -----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ" },
        { "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n(cut)", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj" },
        { "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI" },
    };

    /// <summary>Harmless text that looks a little like a secret and must reach chat unchanged.</summary>
    public static TheoryData<string> LookAlikes => new()
    {
        "The skeleton crew restarted vllm-2",
        "Scheduled on sk-8 GPU nodes (H100)",
        "Users can't reach the password reset page",
        "Throughput dropped to 850 tokens per second",
        "max_tokens=512 temperature=0.7 input_tokens: 1500 output_tokens: 300",
        "token_count=2048 tokenizer: llama3",
        "image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 pulled",
        "digest 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b verified",
        "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 deployed",
        "He was the Bearer of bad news",
        "Authorization failed for user alice",
        "task-1234567890abcdefghij finished; disk-0123456789abcdefghijkl full",
        "request 7f3c2a1e-9b4d-4e8a-8c6f-2d1e0b9a7c5e took 812ms",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUK\n-----END CERTIFICATE-----",
        "https://grafana.example/d/abc?orgId=1&from=now-1h",
        "Rotate the API keys, then review the access logs",
        "xoxb tokens are issued per workspace",
        "SELECT user_id, query FROM requests WHERE (response LIKE '%API_KEY%' OR response LIKE '%password%')",
        "p95 latency 15s; queue depth 25; GPU 94.7%",
        "secretary: Jane",
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Leaks_are_redacted(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
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
    [InlineData("key sk-ant-api03-Xy7Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc2Vb5N leaked", "key sk-ant-api03-[REDACTED] leaked")]
    [InlineData("postgres://chatops:hunter2@pg.llm:5432/platform", "postgres://chatops:[REDACTED]@pg.llm:5432/platform")]
    [InlineData("""{"password": "correct horse"}""", """{"password": "[REDACTED]"}""")]
    [InlineData("Host=pg;Password=ro-Secret-42;Database=platform", "Host=pg;Password=[REDACTED];Database=platform")]
    [InlineData("Authorization: Bearer 4f9Kq2Lm8Np3Rs7Tv1Wx5Yz0Ab6Cd2Ef", "Authorization: Bearer [REDACTED]")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "AKIA[REDACTED]")]
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
    public void Empty_and_null_are_empty()
    {
        Assert.Equal("", SecretRedactor.Redact(null));
        Assert.Equal("", SecretRedactor.Redact(""));
    }
}
