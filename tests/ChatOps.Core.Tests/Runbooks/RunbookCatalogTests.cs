using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Tests.Runbooks;

public sealed class RunbookCatalogTests
{
    private static Runbook Load(string id) => RunbookLoader.LoadText($"""
        id: {id}
        title: {id}
        checks:
          - id: model-health
            title: Model health
            kind: http
            target: vllm
            path: /health
        """, $"{id}.yaml").Runbooks.Single();

    [Fact]
    public void A_check_id_shared_by_runbooks_is_ambiguous_until_the_runbook_is_named()
    {
        var catalog = new RunbookCatalog([Load("first"), Load("second")]);
        Assert.Equal(["first", "second"], catalog.FindCheck("model-health").Matches.Select(m => m.Runbook.Id));
        Assert.Equal("second", Assert.Single(catalog.FindCheck("second/model-health").Matches).Runbook.Id);
        Assert.Empty(catalog.FindCheck("third/model-health").Matches);
        Assert.Empty(catalog.FindCheck("nothing").Matches);
    }
}
