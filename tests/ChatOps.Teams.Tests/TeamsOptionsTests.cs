using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Tests;

public sealed class TeamsOptionsTests
{
    private static TeamsOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddTeams(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TeamsOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_the_public_clouds_and_single_tenant()
    {
        var options = Read(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppPassword"] = "secret", ["MicrosoftAppTenantId"] = "tenant" });
        Assert.Equal(TeamsAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.ToBotFromChannelTokenIssuer);
    }

    [Fact]
    public void The_older_metadata_name_is_read()
    {
        var options = Read(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = "t", ["BotOpenIdMetadata"] = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration" });
        Assert.Equal(TeamsAppType.UserAssignedMsi, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
    }

    [Theory]
    [InlineData("SingleTenant", null, "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", null, "MicrosoftAppPassword")]
    [InlineData("Sideways", "secret", "MicrosoftAppType")]
    public void A_missing_or_wrong_setting_is_named(string type, string? password, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Read(new() { ["MicrosoftAppId"] = "app", ["MicrosoftAppType"] = type, ["MicrosoftAppPassword"] = password }));
        Assert.Contains(failure.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_metadata_is_refused_except_on_loopback()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = "app", ["MicrosoftAppPassword"] = "s", ["MicrosoftAppTenantId"] = "t" };
        Assert.Throws<OptionsValidationException>(() => Read(new(settings) { ["ToBotFromChannelOpenIdMetadataUrl"] = "http://login.example/meta" }));
        Assert.Equal("http://127.0.0.1:5123/meta", Read(new(settings) { ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:5123/meta" }).ToBotFromChannelOpenIdMetadataUrl);
    }
}
