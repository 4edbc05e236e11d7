using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Tiff;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes TIFF sources (classic and BigTIFF) through libtiff: only the tiles or strips the planned region
/// touches, from the pyramid level the planned reduction names (a stored level, or the nearest finer one averaged down),
/// with partly used blocks kept in the shared <see cref="DecodedBlockCache"/> for the neighbouring requests.</summary>
/// <remarks>Pyramids stored as chained reduced-resolution directories or as SubIFDs are both found; a multi-page TIFF that
/// is not a pyramid gives its first page. The structure (levels, tiles, layout) is read once per (location, version) and
/// kept in the shared <see cref="SourceFactsCache"/>. Damaged files surface as <see cref="ImageDecodeException"/>,
/// missing codecs as <see cref="TiffCodecUnavailableException"/>, unreadable layouts as
/// <see cref="UnsupportedTiffLayoutException"/>: all <see cref="SourceDecodeException"/>s. libtiff never prints.</remarks>
internal sealed class TiffSourceDecoder : IImageDecoder
{
    private readonly Configuration _configuration;
    private readonly DecodedBlockCache _blocks;
    private readonly SourceFactsCache _facts;

    public TiffSourceDecoder(Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(facts);
        _configuration = configuration;
        _blocks = blocks;
        _facts = facts;
    }

    /// <inheritdoc/>
    public string Name => "libtiff";

    /// <inheritdoc/>
    public bool CanDecode(ReadOnlySpan<byte> header) => SourceFormatSniffer.Detect(header) == SourceFormat.Tiff;

    /// <inheritdoc/>
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken) =>
        FactsOf(source, cancellationToken).ToImageInfo();

    /// <inheritdoc/>
    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var facts = FactsOf(source, cancellationToken);
        using var session = new TiffReadSession(source, LocationOf(source), _blocks, _configuration, deep: false);
        return TiffRegionReader.Read(facts, plan.SourceRegion, plan.Reduction.Level, plan.DecodedSize, session, deep: false, _configuration, cancellationToken);
    }

    /// <summary>The source's structure, read once per (location, version).</summary>
    internal TiffFacts FactsOf(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _facts.GetOrAdd(LocationOf(source), source.Version, () =>
        {
            using var bytes = new TiffByteSource(SeekableSource.Open(source));
            return TiffStructureReader.Read(bytes, cancellationToken);
        });
    }

    private static string LocationOf(ImageSourceHandle source) => source.LocalPath ?? source.Identifier.Value;
}
