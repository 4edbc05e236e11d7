using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Tiff;
using Microsoft.Extensions.Options;
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
internal sealed class TiffSourceDecoder : IImageDecoder, IStoredTileSource
{
    /// <summary>Stored tiles larger than this are decoded instead (a 512 px JPEG tile is well under 1 MB).</summary>
    private const int MaxStoredTileBytes = 16 * 1024 * 1024;

    private readonly Configuration _configuration;
    private readonly DecodedBlockCache _blocks;
    private readonly SourceFactsCache _facts;
    private readonly TiffTileIndexCache _tileIndexes;
    private readonly bool _passthrough;

    public TiffSourceDecoder(Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts, TiffTileIndexCache tileIndexes,
        IOptions<TiffSourceDecoderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tileIndexes);
        ArgumentNullException.ThrowIfNull(options);
        _configuration = configuration;
        _blocks = blocks;
        _facts = facts;
        _tileIndexes = tileIndexes;
        _passthrough = options.Value.StoredTilePassthrough;
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
        var image = TiffRegionReader.Read(facts, plan.SourceRegion, plan.Reduction.Level, plan.DecodedSize, session, deep: false, _configuration, cancellationToken);
        TiffImageReader.AttachProfile(image, facts);
        return image;
    }

    /// <inheritdoc/>
    /// <remarks>See <see cref="TiffStoredTiles"/> for when; the tile's JPEGTables and the image's ICC profile are spliced
    /// in (<see cref="JpegTileSplicer"/>), and an edge tile is cut from it losslessly (<see cref="JpegTileCropper"/>). The
    /// tile's place comes from the source's <see cref="TiffTileIndex"/>, so this is one read of its bytes, with no libtiff
    /// handle. Off when <see cref="TiffSourceDecoderOptions.StoredTilePassthrough"/> is.</remarks>
    public byte[]? TryReadStoredTile(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        if (!_passthrough)
        {
            return null;
        }

        var facts = FactsOf(source, cancellationToken);
        if (TiffStoredTiles.Locate(facts, plan) is not { } tile)
        {
            return null;
        }

        var location = LocationOf(source);
        var raw = _tileIndexes.For(location, source.Version).Read(source, tile.Level, tile.Index, MaxStoredTileBytes);
        if (raw is null)
        {
            return null;
        }

        var directory = tile.Level.Directory;
        // The tile's own stream holds its frame header (the tables hold none): read before the splice adds the profile.
        if (JpegMarkerReader.Read(raw) is not { Frame: var frame } || frame.Width != directory.BlockWidth || frame.Height != directory.BlockHeight)
        {
            // Not the tile the directory describes (a damaged file): the render reads it through libtiff and says so.
            return null;
        }

        var rgb = directory.Layout.Photometric == Tiff.Native.TiffCodes.PhotometricRgb;
        var stored = JpegTileSplicer.Splice(directory.JpegTables.Span, raw, facts.IccProfile.Span, rgb);
        return stored is null || tile.IsWhole ? stored : JpegTileCropper.CropTopLeft(stored, tile.Width, tile.Height);
    }

    /// <inheritdoc/>
    public bool HasStoredTile(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken) =>
        _passthrough && TiffStoredTiles.Locate(FactsOf(source, cancellationToken), plan) is not null;

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
