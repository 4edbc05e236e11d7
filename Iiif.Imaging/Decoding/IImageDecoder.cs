using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Reads one family of source formats. The decoder selector picks the decoder by the source's magic
/// bytes, never by its file extension.</summary>
public interface IImageDecoder
{
    /// <summary>A short name for logs, e.g. <c>ImageSharp</c> or <c>OpenJPEG</c>.</summary>
    string Name { get; }

    /// <summary>True when the first bytes of a source (up to <see cref="SourceFormatSniffer.HeaderLength"/>, fewer when the
    /// source is shorter) start a format this decoder reads.</summary>
    bool CanDecode(ReadOnlySpan<byte> header);

    /// <summary>Reads the facts info.json and the planner need, from the header only where the format allows.</summary>
    /// <exception cref="SourceDecodeException">The bytes are not a readable image of this decoder's formats.</exception>
    ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken);

    /// <summary>Decodes <see cref="RenderPlan.SourceRegion"/> at <see cref="RenderPlan.Reduction"/>: the returned image is
    /// exactly <see cref="RenderPlan.DecodedSize"/>, ready for <c>PlanApplier.Apply</c>. The caller owns and disposes it.
    /// A decoder without reduced-resolution support decodes at full resolution and resizes to the decoded size itself, so
    /// every decoder keeps this one contract.</summary>
    /// <exception cref="SourceDecodeException">The bytes cannot be decoded, or the source exceeds the decoder's limits.</exception>
    Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken);
}
