namespace ChatOps.Core.Commands;

/// <summary>A command about a mitigation request by id, which finds its incident through the request, not the channel.</summary>
public interface IRequestCommand
{
    long Request { get; }
}
