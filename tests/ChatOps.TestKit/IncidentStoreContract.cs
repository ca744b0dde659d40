using System.Collections.Immutable;
using ChatOps.Core.Incidents;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.TestKit;

/// <summary>
/// What every <see cref="IIncidentStore"/> must do. A store's test class derives from this and supplies a
/// fresh, empty store; the same facts then hold for SQLite, PostgreSQL and the in-memory fake.
/// </summary>
public abstract class IncidentStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatPlace Channel = new("slack", "C1");

    /// <summary>A new store with no incidents.</summary>
    protected abstract Task<IIncidentStore> CreateStoreAsync();

    [Fact]
    public async Task Ids_increase_within_a_year_and_restart_in_the_next()
    {
        var store = await CreateStoreAsync();
        var a = await Create(store, "a", At);
        var b = await Create(store, "b", At.AddHours(1));
        var c = await Create(store, "c", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(["INC-2026-0001", "INC-2026-0002", "INC-2027-0001"], new[] { a, b, c }.Select(i => i.Id.ToString()));
    }

    [Fact]
    public async Task Concurrent_declarations_get_distinct_ids()
    {
        var store = await CreateStoreAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Task.Run(() => Create(store, $"i{i}", At))));
        Assert.Equal(Enumerable.Range(1, 25), created.Select(i => i.Id.Number).Order());
    }

    [Fact]
    public async Task An_incident_round_trips_every_field()
    {
        var store = await CreateStoreAsync();
        var created = await Create(store, "round trip", At);
        var changed = created with
        {
            Severity = Severity.Sev1,
            SeverityAwaitsConfirmation = true,
            Status = IncidentStatus.Resolved,
            Commander = P("U2"),
            Place = Channel.WithThread("1700000000.000100") with { Address = """{"serviceUrl":"https://smba.example/","tenant":"t1"}""" },
            ResolvedAt = At.AddMinutes(90),
            Impact = "impact ✓",
            RootCause = "cause 'quoted' \"double\"",
            Resolution = "resolution",
            ActionItems = [new ActionItem("fix it", "U3"), new ActionItem("done thing", null, Done: true)],
            Lessons = ["one", "two"],
            Version = created.Version + 1,
        };
        Assert.True(await store.TryUpdateAsync(changed, [], default));
        var read = await store.FindAsync(created.Id, default);
        Assert.NotNull(read);
        Assert.Equal(changed with { ActionItems = [], Lessons = [] }, read with { ActionItems = [], Lessons = [] });
        Assert.Equal(changed.ActionItems, read.ActionItems);
        Assert.Equal(changed.Lessons, read.Lessons);
    }

    [Fact]
    public async Task A_drill_keeps_its_scenario_through_every_read_and_update()
    {
        var store = await CreateStoreAsync();
        var drill = await store.CreateAsync(new NewIncident("drill", Severity.Sev3, Channel, P("U1"), At, null) { Drill = "gpu-saturation" }, _ => [], default);
        var real = await Create(store, "real", At);
        Assert.True(await store.TryUpdateAsync(drill with { Place = drill.Place.WithThread("t-drill"), Status = IncidentStatus.Identified, Version = 2 }, [], default));

        var read = (await store.FindAsync(drill.Id, default))!;
        Assert.Equal(("gpu-saturation", true), (read.Drill, read.IsDrill));
        Assert.Equal("[DRILL] drill", read.Headline);
        Assert.Equal("gpu-saturation", (await store.FindByThreadAsync(Channel.WithThread("t-drill"), default))!.Drill);
        Assert.Equal([(drill.Id, true), (real.Id, false)], (await store.ListOpenAsync(Channel, default)).Select(i => (i.Id, i.IsDrill)).OrderBy(i => i.Id.Number));
        Assert.Null((await store.FindAsync(real.Id, default))!.Drill);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_refused_and_appends_nothing()
    {
        var store = await CreateStoreAsync();
        var created = await Create(store, "x", At);
        Assert.True(await store.TryUpdateAsync(created with { Title = "first", Version = 2 }, [Event(created.Id, "first")], default));
        Assert.False(await store.TryUpdateAsync(created with { Title = "second", Version = 2 }, [Event(created.Id, "second")], default));
        Assert.Equal("first", (await store.FindAsync(created.Id, default))!.Title);
        Assert.DoesNotContain(await store.TimelineAsync(created.Id, default), e => e.Text == "second");
    }

    [Fact]
    public async Task Open_incidents_by_channel_newest_first_and_by_thread()
    {
        var store = await CreateStoreAsync();
        var a = await Create(store, "a", At);
        var b = await Create(store, "b", At);
        var elsewhere = await store.CreateAsync(new NewIncident("c", Severity.Sev3, new ChatPlace("slack", "C2"), P("U1"), At, null), _ => [], default);
        Assert.True(await store.TryUpdateAsync(a with { Place = a.Place.WithThread("t-a"), Version = 2 }, [], default));
        Assert.True(await store.TryUpdateAsync(b with { Status = IncidentStatus.Resolved, Version = 2 }, [], default));

        Assert.Equal([a.Id], (await store.ListOpenAsync(Channel, default)).Select(i => i.Id));
        Assert.Equal([elsewhere.Id, a.Id], (await store.ListOpenAsync(null, default)).Select(i => i.Id));
        Assert.Equal(a.Id, (await store.FindByThreadAsync(Channel.WithThread("t-a"), default))?.Id);
        Assert.Null(await store.FindByThreadAsync(Channel.WithThread("t-other"), default));
        Assert.Null(await store.FindAsync(new IncidentId(2026, 99), default));
    }

    [Fact]
    public async Task The_timeline_keeps_every_event_in_order_with_its_data()
    {
        var store = await CreateStoreAsync();
        var created = await store.CreateAsync(new NewIncident("t", Severity.Sev3, Channel, P("U1"), At, null),
            id => [Event(id, "declared")], default);
        var data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("from", "SEV3"), new("to", "SEV2")]);
        await store.AppendAsync([Event(created.Id, "second") with { Data = data }, Event(created.Id, "third")], default);

        var timeline = await store.TimelineAsync(created.Id, default);
        Assert.Equal(["declared", "second", "third"], timeline.Select(e => e.Text));
        Assert.True(timeline.Zip(timeline.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Equal(data, timeline[1].Details);
        Assert.Equal(At, timeline[0].At);
        Assert.Equal(TimelineKind.Note, timeline[0].Kind);
    }

    [Fact]
    public async Task The_tail_of_a_timeline_is_its_newest_events_in_order_and_the_whole_count()
    {
        var store = await CreateStoreAsync();
        var created = await Create(store, "long", At);
        var other = await Create(store, "other", At);
        var empty = await store.TimelineTailAsync(created.Id, 5, default);
        Assert.Equal((0, 0), (empty.Events.Count, empty.Total));
        await store.AppendAsync([.. Enumerable.Range(1, 7).Select(i => Event(created.Id, $"e{i}")), Event(other.Id, "elsewhere")], default);

        var tail = await store.TimelineTailAsync(created.Id, 5, default);
        Assert.Equal(7, tail.Total);
        Assert.Equal((await store.TimelineAsync(created.Id, default)).TakeLast(5).Select(e => e.Sequence), tail.Events.Select(e => e.Sequence));
        Assert.Equal(["e3", "e4", "e5", "e6", "e7"], tail.Events.Select(e => e.Text));
        var all = await store.TimelineTailAsync(created.Id, 50, default);
        Assert.Equal((7, 7), (all.Events.Count, all.Total));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TimelineTailAsync(created.Id, 0, default));
    }

    [Fact]
    public async Task Concurrent_appends_are_all_kept()
    {
        var store = await CreateStoreAsync();
        var created = await Create(store, "busy", At);
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.AppendAsync([Event(created.Id, $"e{i}")], default))));
        var texts = (await store.TimelineAsync(created.Id, default)).Select(e => e.Text).ToHashSet();
        Assert.All(Enumerable.Range(0, 50), i => Assert.Contains($"e{i}", texts));
    }

    [Fact]
    public async Task Concurrent_updaters_through_the_core_lose_no_change()
    {
        var store = await CreateStoreAsync();
        var created = await Create(store, "race", At);
        var updater = new IncidentChanger(store, TestMeters.Incidents);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            var current = (await store.FindAsync(created.Id, default))!;
            await updater.ApplyAsync(current, c => IncidentChange.To(c with { Lessons = c.Lessons.Add($"l{i}") }, Event(c.Id, $"l{i}")), default);
        })));
        var stored = (await store.FindAsync(created.Id, default))!;
        Assert.Equal(30, stored.Lessons.Count);
        Assert.Equal(31, stored.Version);
        Assert.Equal(30, (await store.TimelineAsync(created.Id, default)).Count(e => e.Text.StartsWith('l')));
    }

    [Fact]
    public async Task A_declaration_retried_under_its_effect_key_returns_the_first_incident()
    {
        var store = await CreateStoreAsync();
        var declaration = new NewIncident("retried", Severity.Sev2, Channel, P("U1"), At, null) { Effect = "item-1:declare" };
        var first = await store.CreateAsync(declaration, id => [Event(id, "declared") with { Effect = "item-1:declared" }], default);
        var again = await store.CreateAsync(declaration, id => [Event(id, "declared") with { Effect = "item-1:declared" }], default);

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await store.ListOpenAsync(Channel, default));
        Assert.Single(await store.TimelineAsync(first.Id, default));
    }

    [Fact]
    public async Task A_keyed_event_is_stored_once_and_a_change_whose_first_event_is_stored_is_refused()
    {
        var store = await CreateStoreAsync();
        var incident = await Create(store, "effects", At);
        await store.AppendAsync([Event(incident.Id, "a") with { Effect = "k:a" }, Event(incident.Id, "b")], default);
        await store.AppendAsync([Event(incident.Id, "a") with { Effect = "k:a" }, Event(incident.Id, "c") with { Effect = "k:c" }], default);
        Assert.True(await store.HasEffectAsync(incident.Id, "k:a", default));
        Assert.False(await store.HasEffectAsync(incident.Id, "k:z", default));

        var changed = incident with { Title = "changed", Version = incident.Version + 1 };
        Assert.True(await store.TryUpdateAsync(changed, [Event(incident.Id, "change") with { Effect = "k:change" }], default));
        Assert.False(await store.TryUpdateAsync(changed with { Title = "twice", Version = changed.Version + 1 },
            [Event(incident.Id, "change") with { Effect = "k:change" }], default));

        Assert.Equal("changed", (await store.FindAsync(incident.Id, default))?.Title);
        Assert.Equal(["a", "b", "c", "change"], (await store.TimelineAsync(incident.Id, default)).Select(e => e.Text));
    }

    private static Task<Incident> Create(IIncidentStore store, string title, DateTimeOffset at) =>
        store.CreateAsync(new NewIncident(title, Severity.Sev3, Channel, P("U1"), at, null), _ => [], default);

    private static TimelineEvent Event(IncidentId id, string text) => new(id, At, P("U1"), TimelineKind.Note, text);
}
