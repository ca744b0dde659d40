using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.TestKit;
using Markdig;

namespace ChatOps.Core.Tests.Postmortem;

/// <summary>
/// The postmortem is read in Markdown viewers that pass raw HTML through and link what looks like a URL, so each
/// test renders the document as such a viewer would (Markdig with GitHub-like extensions) and looks at the HTML.
/// </summary>
public sealed partial class PostmortemEscapingTests
{
    private const string Manager = "U-MANAGER";

    private static readonly MarkdownPipeline Viewer = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // Markdown's own images are allowed: their sources are checked with the links.
    private static readonly HashSet<string> DocumentTags = ["h1", "h2", "ul", "li", "p", "strong", "a", "img", "input", "code", "em"];

    [Fact]
    public async Task Raw_html_in_every_typed_field_is_printed_as_text()
    {
        var html = Markdown.ToHtml(await PostmortemOfEveryFieldAsync(
            "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<b onmouseover=alert(1)>x</b> & co"), Viewer);

        Assert.All(Tags(html), tag => Assert.Contains(tag, DocumentTags));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_carries_html_special_characters_as_entities()
    {
        var document = await PostmortemOfEveryFieldAsync("a < b", "x > y", "R&D");

        Assert.Contains("a &lt; b", document, StringComparison.Ordinal);
        Assert.Contains("x &gt; y", document, StringComparison.Ordinal);
        Assert.Contains("R&amp;D", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](java&#9;script:alert(1))")]
    [InlineData("[x](java&Tab;script:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](\u0001javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<VBScript:msgbox(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml,<svg onload=alert(1)>)")]
    [InlineData("[x]: javascript:alert(1)")]
    public async Task Script_and_data_links_in_typed_text_are_neutralised(string typed)
    {
        var document = await PostmortemOfEveryFieldAsync(typed, typed, typed);
        var html = Markdown.ToHtml(document, Viewer);

        Assert.All(Tags(html), tag => Assert.Contains(tag, DocumentTags));
        Assert.All(Links(html), link => Assert.DoesNotMatch(DangerousScheme(), link));
        // Not in the Markdown either, however a viewer decodes it: the defanged form shows what was typed.
        Assert.DoesNotMatch(DangerousScheme(), Squeezed(document));
        Assert.Contains("[:]", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_links_stay_links_and_prose_with_a_scheme_word_is_untouched()
    {
        var document = await PostmortemOfEveryFieldAsync(
            "see [the dashboard](https://grafana.example.com/d/abc?from=now-1h&to=now)",
            "runbook at <https://wiki.example.com/runbooks/gpu> and http://status.example.com/incidents/42",
            "lost data: 3 tables; pod metadata:labels kept; javascript: the client retried");
        var html = Markdown.ToHtml(document, Viewer);
        var links = Links(html);

        Assert.Contains("https://grafana.example.com/d/abc?from=now-1h&to=now", links);
        Assert.Contains("https://wiki.example.com/runbooks/gpu", links);
        Assert.Contains("http://status.example.com/incidents/42", links);
        Assert.Contains("lost data: 3 tables; pod metadata:labels kept; javascript: the client retried", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Lessons Learned")]
    [InlineData("# Incident Report: forged")]
    [InlineData("```")]
    [InlineData("~~~")]
    public async Task Typed_text_at_the_start_of_a_line_opens_no_heading_or_code_block(string typed)
    {
        var html = Markdown.ToHtml(await PostmortemOfEveryFieldAsync(typed, typed, typed), Viewer);

        Assert.Equal(1, HeadingsOne().Count(html));
        Assert.Equal(6, HeadingsTwo().Count(html));
        Assert.DoesNotContain("<pre", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// An incident whose title, impact, notes, cause, resolution, action item and lessons carry typed text; the cause
    /// and the resolution start their lines, where Markdown opens blocks.
    /// </summary>
    private static async Task<string> PostmortemOfEveryFieldAsync(string first, string second, string third)
    {
        await using var chat = new Conversation(managers: [Manager]);
        var incident = await chat.DeclareAsync(Manager, $"Title {first}");
        var id = incident.Id.ToString();
        foreach (var command in new[]
                 {
                     $"impact {id} {second}", $"note {id} {first}", $"note {id} {third}", $"cause {id} {first}",
                     $"action {id} {second}", $"lesson {id} {third}", $"lesson {id} {first}", $"resolve {id} {second}",
                 })
            Assert.Null((await chat.SayAsync(Manager, command)).Error);
        var result = await chat.SayAsync(Manager, $"postmortem {id}");
        Assert.Null(result.Error);
        return result.Messages.Single().Message.Blocks.OfType<AttachmentBlock>().Single().Content;
    }

    private static IEnumerable<string> Tags(string html) => Tag().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct();

    private static List<string> Links(string html) => Link().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>Text as a lenient browser or viewer reads a URL: references decoded, blanks and controls dropped.</summary>
    private static string Squeezed(string text)
    {
        for (var previous = string.Empty; previous != text;) (previous, text) = (text, WebUtility.HtmlDecode(text));
        return Blank().Replace(text.Replace("&colon;", ":", StringComparison.OrdinalIgnoreCase).Replace("&Tab;", string.Empty, StringComparison.OrdinalIgnoreCase), string.Empty);
    }

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?:href|src)=""([^""]*)""")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:javascript|vbscript|data):(?!\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousScheme();

    [GeneratedRegex(@"[\x00-\x20\x7F]")]
    private static partial Regex Blank();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex HeadingsOne();

    [GeneratedRegex("<h2[ >]")]
    private static partial Regex HeadingsTwo();
}
