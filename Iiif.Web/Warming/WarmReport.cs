namespace Iiif.Web.Warming;

/// <summary>What warming one identifier did: what it cleared first, then one entry per profile tail.</summary>
/// <param name="Identifier">The decoded identifier.</param>
/// <param name="ClearedWith">cache.warm.clearWith as applied: id, profile or none.</param>
/// <param name="Purged">Derivatives removed before warming.</param>
/// <param name="Tails">Per profile, in profile-name order.</param>
internal sealed record WarmReport(string Identifier, string ClearedWith, int Purged, IReadOnlyList<WarmedTail> Tails)
{
    /// <summary>Profiles now in the cache.</summary>
    public int Rendered => Tails.Count(t => t.IsSuccess);

    /// <summary>Profiles that failed.</summary>
    public int Failed => Tails.Count(t => t.IsFailure);

    public int Skipped => Tails.Count(t => t.Skipped is not null);
}
