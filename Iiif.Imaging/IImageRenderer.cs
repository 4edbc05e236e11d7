using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;

namespace Iiif.Imaging;

/// <summary>Turns a source and a plan into encoded bytes: the one entry point of the imaging layer for the web host.</summary>
public interface IImageRenderer
{
    /// <summary>Reads the facts the planner and info.json need, from the source's header where the format allows.</summary>
    /// <exception cref="SourceDecodeException">No decoder reads the source, or its header is damaged.</exception>
    ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken);

    /// <summary>Decodes the plan's region at its reduction, applies size, mirror, rotation and quality, and encodes the
    /// plan's format into <paramref name="destination"/> (left open; a seekable pooled stream is best).</summary>
    /// <exception cref="SourceDecodeException">The source's bytes cannot be decoded.</exception>
    /// <exception cref="NotSupportedException">The plan's format cannot be encoded (see <c>IEncoderCatalog.IsAvailable</c>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken);

    /// <summary>True when <see cref="RenderAsync"/> answers <paramref name="plan"/> with bytes stored in the source as
    /// they are (a JPEG tile of a TIFF pyramid, or an edge tile cut from one losslessly), without decoding or encoding: reading them again costs what reading a
    /// cached copy would, so a host need not keep such a copy on disk. Cheap: reads only facts already cached.</summary>
    bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan);

    /// <summary>Fetches what <see cref="Identify"/> (<paramref name="plan"/> null) or <see cref="RenderAsync"/> will read
    /// from a remote source, so those only wait for the CPU: call it before taking a render slot. Nothing for local
    /// files.</summary>
    /// <exception cref="SourceUnavailableException">The upstream failed, refused or timed out.</exception>
    /// <exception cref="SourceDecodeException">The source must be read whole and is too large.</exception>
    Task PrepareAsync(ImageSourceHandle source, RenderPlan? plan, CancellationToken cancellationToken) => Task.CompletedTask;
}
