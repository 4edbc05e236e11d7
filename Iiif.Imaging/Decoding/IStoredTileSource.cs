using Iiif.Core.Planning;
using Iiif.Imaging.Sources;

namespace Iiif.Imaging.Decoding;

/// <summary>A decoder that can answer some plans with encoded bytes already stored in the source (a JPEG tile of a TIFF
/// pyramid), so the renderer skips decoding and encoding for them.</summary>
internal interface IStoredTileSource
{
    /// <summary>The complete encoded image <paramref name="plan"/> asks for, taken from the source as stored, or null when
    /// the plan needs a render. Never returns bytes that would decode to other pixels than a render would start from, but
    /// for the chroma of the last column and row of an edge tile cut losslessly from its stored tile (a render would
    /// change every pixel by a JPEG generation).</summary>
    byte[]? TryReadStoredTile(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken);

    /// <summary>True when <see cref="TryReadStoredTile"/> would take <paramref name="plan"/> from the source as stored.</summary>
    bool HasStoredTile(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken);
}
