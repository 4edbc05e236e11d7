namespace Iiif.Web.Admin;

/// <summary>The body of the purge endpoints.</summary>
/// <param name="Identifier">The purged identifier (decoded); null when everything was purged.</param>
/// <param name="Removed">Derivatives removed from the local tiers (info entries are forgotten too, and not counted).</param>
public sealed record CachePurgeReport(string? Identifier, int Removed);
