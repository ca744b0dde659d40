using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>Every test that needs the real servers shares one <see cref="PlatformFixture"/>; its tests run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
