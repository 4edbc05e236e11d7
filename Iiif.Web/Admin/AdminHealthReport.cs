using Iiif.Core.Diagnostics;

namespace Iiif.Web.Admin;

/// <summary>The body of <c>GET /admin/health</c>: the public health report plus what only operators should see.</summary>
/// <param name="Status">ok or failing.</param>
/// <param name="Images">readable or unreadable.</param>
/// <param name="ImagesRoot">The absolute image folder checked.</param>
/// <param name="Jpeg2000">The OpenJPEG version, or unavailable.</param>
/// <param name="Runtime">The .NET runtime the server runs on.</param>
/// <param name="Caches">Each cache tier that can fail (disk, shared Redis): its state (ok, full, unwritable,
/// unavailable), why, since when, and how many operations failed since start-up.</param>
public sealed record AdminHealthReport(
    string Status, string Images, string ImagesRoot, string Jpeg2000, string Runtime, IReadOnlyList<CacheTierHealth> Caches);
