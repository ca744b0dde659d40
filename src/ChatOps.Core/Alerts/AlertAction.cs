namespace ChatOps.Core.Alerts;

/// <summary>What a route does by itself: offer it with a button (people decide), or do it at once.</summary>
public enum AlertAction
{
    Offer,
    Auto,
}
