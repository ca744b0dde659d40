namespace ChatOps.Core.Access;

/// <summary>Says whether a user holds the manager role (configured users, or platform user groups).</summary>
public interface IRoleDirectory
{
    Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken);
}
