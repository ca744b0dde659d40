namespace ChatOps.Core.Scenarios;

/// <summary>The drill scenarios the bot carries, by id.</summary>
public sealed class ScenarioCatalog(IReadOnlyList<Scenario> scenarios)
{
    public static ScenarioCatalog Empty { get; } = new([]);

    public IReadOnlyList<Scenario> All { get; } = scenarios;

    public Scenario? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}
