using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.TestKit;

/// <summary>What every <see cref="IMitigationStore"/> must do; SQLite, PostgreSQL and the in-memory fake derive from it.</summary>
public abstract class MitigationStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    /// <summary>A new, empty store, and an incident that exists where the store keeps incidents too.</summary>
    protected abstract Task<(IMitigationStore Store, IncidentId Incident)> CreateStoreAsync();

    public static MitigationRequest Draft(IncidentId incident) => new()
    {
        Incident = incident,
        Runbook = "high-latency",
        Mitigation = "scale-inference",
        Title = "Scale up inference pool",
        Why = "Sustained load",
        RequestedBy = P("U1"),
        RequestedAt = At,
        ExpiresAt = At.AddMinutes(15),
        RequiredApprovals = 2,
        Current = "replicas 4",
        Planned = "replicas 6",
        Version = 1,
    };

    [Fact]
    public async Task A_request_round_trips_every_field()
    {
        var (store, Incident) = await CreateStoreAsync();
        var created = await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        Assert.True(created.Id > 0);
        var changed = created with
        {
            Status = RequestStatus.Executed,
            Approvers = [P("U2"), P("U3")],
            Subject = "203.0.113.7",
            RevertOf = 99,
            DeniedBy = P("U4"),
            Reason = "why not",
            Before = new MitigationState("replicas 4", new Dictionary<string, string> { ["replicas"] = "4" }),
            After = new MitigationState("replicas 6", new Dictionary<string, string> { ["replicas"] = "6" }),
            Error = "none",
            MessageId = "1700000000.000200",
            ClaimedAt = At.AddMinutes(3),
            Version = 2,
        };
        Assert.True(await store.TryUpdateAsync(changed, [], default));
        var read = (await store.FindAsync(created.Id, default))!;
        Assert.Equal(changed with { Approvers = [], Before = null, After = null }, read with { Approvers = [], Before = null, After = null });
        Assert.Equal(changed.Approvers, read.Approvers);
        Assert.Equal(changed.Before.Description, read.Before!.Description);
        Assert.Equal(changed.Before.Values, read.Before.Values);
        Assert.Equal(changed.After.Values, read.After!.Values);
        Assert.Equal([created.Id], (await store.ListAsync(Incident, default)).Select(r => r.Id));
        Assert.Empty(await store.ListPendingAsync(default));
        var pending = await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        Assert.Equal([pending.Id], (await store.ListPendingAsync(default)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_request_retried_under_its_effect_key_returns_the_first_one()
    {
        var (store, Incident) = await CreateStoreAsync();
        var draft = Draft(Incident) with { Effect = "item-1:request" };
        var first = await store.CreateAsync(draft, id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        var again = await store.CreateAsync(draft, id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await store.ListAsync(Incident, default));
        Assert.Single(await store.AuditAsync(Incident, default));
        Assert.NotEqual(first.Id, (await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default)).Id);
    }

    [Fact]
    public async Task A_change_whose_first_audit_line_is_stored_is_refused_and_keyed_lines_are_found()
    {
        var (store, Incident) = await CreateStoreAsync();
        var created = await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        var approved = created with { Status = RequestStatus.Approved, Version = 2 };
        Assert.True(await store.TryUpdateAsync(approved, [new AuditEntry(At, P("U2"), Incident, created.Id, "approve", "approved") { Effect = "item-1:approve" }], default));
        Assert.True(await store.HasEffectAsync("item-1:approve", default));
        Assert.False(await store.HasEffectAsync("item-2:approve", default));

        Assert.False(await store.TryUpdateAsync(approved with { Status = RequestStatus.Denied, Version = 3 },
            [new AuditEntry(At, P("U2"), Incident, created.Id, "approve", "approved") { Effect = "item-1:approve" }], default));
        Assert.Equal(RequestStatus.Approved, (await store.FindAsync(created.Id, default))!.Status);
        Assert.Single(await store.AuditAsync(Incident, default), a => a.Action == "approve");
    }

    [Fact]
    public async Task A_hundred_concurrent_claims_let_exactly_one_through()
    {
        var (store, Incident) = await CreateStoreAsync();
        var created = await store.CreateAsync(Draft(Incident) with { Status = RequestStatus.Approved }, id => new AuditEntry(At, P("U1"), Incident, id, "request", "approved"), default);
        var updater = new RequestUpdater(store, TestMeters.Mitigations);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
            updater.ApplyAsync(created.Id, r => RequestTransitions.Claim(r, At), r => [new AuditEntry(At, P("U2"), Incident, r.Id, "execute", "started")], default))));

        Assert.Single(outcomes, o => o.Refusal is null);
        Assert.Equal(RequestStatus.Executing, (await store.FindAsync(created.Id, default))!.Status);
        Assert.Equal(At, (await store.FindAsync(created.Id, default))!.ClaimedAt);
        Assert.Single(await store.AuditAsync(Incident, default), a => a.Action == "execute");
    }

    [Fact]
    public async Task A_stale_update_is_refused_and_audits_nothing()
    {
        var (store, Incident) = await CreateStoreAsync();
        var created = await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        Assert.True(await store.TryUpdateAsync(created with { Status = RequestStatus.Denied, Version = 2 }, [new AuditEntry(At, P("U2"), Incident, created.Id, "deny", "denied")], default));
        Assert.False(await store.TryUpdateAsync(created with { Status = RequestStatus.Approved, Version = 2 }, [new AuditEntry(At, P("U3"), Incident, created.Id, "approve", "approved")], default));
        Assert.Equal(["request", "deny"], (await store.AuditAsync(Incident, default)).Select(a => a.Action));
        Assert.Equal(RequestStatus.Denied, (await store.FindAsync(created.Id, default))!.Status);
        Assert.Null(await store.FindAsync(created.Id + 1000, default));
    }

    [Fact]
    public async Task A_refused_attempt_is_audited_without_changing_the_request()
    {
        var (store, Incident) = await CreateStoreAsync();
        var created = await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        await store.AppendAuditAsync([new AuditEntry(At.AddMinutes(1), P("U9"), Incident, created.Id, "approve", "refused: not an approver")], default);

        var last = (await store.AuditAsync(Incident, default))[^1];
        Assert.Equal((P("U9"), created.Id, "approve", "refused: not an approver", At.AddMinutes(1)), (last.Actor, last.Request, last.Action, last.Outcome, last.At));
        var read = (await store.FindAsync(created.Id, default))!;
        Assert.Equal((RequestStatus.Pending, created.Version), (read.Status, read.Version));
    }

    [Fact]
    public async Task The_state_read_when_requested_is_kept_whole()
    {
        var (store, Incident) = await CreateStoreAsync();
        var state = new MitigationState("replicas 4", new Dictionary<string, string> { ["replicas"] = "4" });
        var created = await store.CreateAsync(Draft(Incident) with { CurrentState = state }, id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default);
        var read = (await store.FindAsync(created.Id, default))!;
        Assert.Equal(state.Description, read.CurrentState!.Description);
        Assert.Equal(state.Values, read.CurrentState.Values);
        Assert.Null((await store.FindAsync((await store.CreateAsync(Draft(Incident), id => new AuditEntry(At, P("U1"), Incident, id, "request", "pending"), default)).Id, default))!.CurrentState);
    }

    [Fact]
    public async Task Executing_requests_are_listed_once_their_claim_is_old_enough_oldest_first()
    {
        var (store, Incident) = await CreateStoreAsync();
        async Task<MitigationRequest> Create(RequestStatus status, DateTimeOffset? claimedAt)
        {
            var created = await store.CreateAsync(Draft(Incident) with { Status = status }, id => new AuditEntry(At, P("U1"), Incident, id, "request", "approved"), default);
            Assert.True(await store.TryUpdateAsync(created with { ClaimedAt = claimedAt, Version = 2 }, [], default));
            return created;
        }
        var recent = await Create(RequestStatus.Executing, At.AddMinutes(9));
        var older = await Create(RequestStatus.Executing, At.AddMinutes(2));
        var exactlyAtTheLimit = await Create(RequestStatus.Executing, At.AddMinutes(5));
        var untimed = await Create(RequestStatus.Executing, null);
        await Create(RequestStatus.Executed, At);
        await Create(RequestStatus.Approved, null);

        var stale = await store.ListExecutingAsync(At.AddMinutes(5), default);

        Assert.Equal([untimed.Id, older.Id, exactlyAtTheLimit.Id], stale.Select(r => r.Id));
        Assert.DoesNotContain(recent.Id, stale.Select(r => r.Id));
        Assert.Equal(At.AddMinutes(2), stale[1].ClaimedAt);
    }
}
