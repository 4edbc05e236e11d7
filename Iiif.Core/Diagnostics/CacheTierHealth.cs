namespace Iiif.Core.Diagnostics;

/// <summary>Whether one cache tier can do its job now, as readiness, <c>/admin/health</c> and <c>/metrics</c> report it.
/// A failing tier never fails a request (the server renders instead); this says why it is not keeping anything.</summary>
/// <param name="Tier">Which tier, e.g. <c>disk</c> or <c>shared</c>.</param>
/// <param name="State">One of <see cref="CacheTierStates"/>.</param>
/// <param name="Reason">Why it is not <see cref="CacheTierStates.Ok"/>, in a few words an operator can act on; null when ok.</param>
/// <param name="Since">When it entered this state; null when it has always been in it.</param>
/// <param name="Failures">Operations (stores, reads) that failed since start-up.</param>
/// <param name="IsLocal">True for a tier of this instance alone (its disk), false for one shared between instances.</param>
public sealed record CacheTierHealth(string Tier, string State, string? Reason, DateTimeOffset? Since, long Failures, bool IsLocal)
{
    /// <summary>True when the tier works.</summary>
    public bool IsOk => State == CacheTierStates.Ok;
}
