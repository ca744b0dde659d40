namespace ChatOps.Core.Access;

/// <summary>
/// The members of a platform's groups, kept for a short time so that role checks do not spend a rate-limited platform
/// call each; shared by the replicas where the deployment has a shared cache.
/// </summary>
public interface IGroupMembersCache
{
    /// <summary>
    /// The members of <paramref name="group"/> kept within <paramref name="duration"/>; otherwise those <paramref name="load"/>
    /// reads, kept from then on. A load that throws keeps nothing, so a platform's outage is asked about again.
    /// </summary>
    Task<IReadOnlySet<string>> GetOrLoadAsync(
        string platform, string group, TimeSpan duration, Func<CancellationToken, Task<IReadOnlyCollection<string>>> load, CancellationToken cancellationToken);
}
