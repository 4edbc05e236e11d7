using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes JPEG 2000 sources (JP2 files and raw codestreams) through <see cref="Jpeg2000Reader"/>: only the
/// planned region, at the planned resolution reduction, so a tile of a huge image costs about a tile.</summary>
/// <remarks>Files are read by path when the source has one (positional reads, unbuffered as OpenJPEG buffers itself,
/// shaped by the file's tile-part index); other sources through a seekable stream. Damaged content surfaces as <see cref="ImageDecodeException"/>,
/// which is a <see cref="SourceDecodeException"/>. A region inside one tile of a tiled file is cut from that whole tile,
/// decoded once and kept in the shared <see cref="DecodedBlockCache"/> (files with a path only; see
/// <see cref="DecodedBlockCacheOptions"/>): a viewer asks for the neighbouring IIIF tiles of one JPEG 2000 tile in
/// a burst, and the pixels are exactly those a direct decode gives. Header facts are kept in the shared
/// <see cref="SourceFactsCache"/>.</remarks>
internal sealed class Jpeg2000SourceDecoder : IImageDecoder
{
    private readonly Jpeg2000Reader _reader;
    private readonly Jpeg2000BlockCache _blocks;

    /// <summary>Creates the decoder producing images in the server's ImageSharp <paramref name="configuration"/>.</summary>
    public Jpeg2000SourceDecoder(Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(facts);
        _reader = new Jpeg2000Reader(configuration);
        _blocks = new Jpeg2000BlockCache(_reader, configuration, blocks, facts);
    }

    /// <summary>The block locator over the shared caches (for tests).</summary>
    internal Jpeg2000BlockCache Blocks => _blocks;

    /// <inheritdoc/>
    public string Name => "OpenJPEG";

    /// <inheritdoc/>
    public bool CanDecode(ReadOnlySpan<byte> header) => SourceFormatSniffer.Detect(header) is SourceFormat.Jp2 or SourceFormat.J2k;

    /// <inheritdoc/>
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.LocalPath is { } path)
        {
            // Every tile request identifies its source first; the facts cache keeps these per version.
            return _blocks.FactsOf(path, source.Version, cancellationToken).ToImageInfo();
        }

        using var stream = SeekableSource.Open(source);
        return Jpeg2000Reader.ReadFacts(stream, cancellationToken).ToImageInfo();
    }

    /// <inheritdoc/>
    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        if (source.LocalPath is { } path)
        {
            return _blocks.TryDecode(path, source.Version, plan.SourceRegion, plan.Reduction.Level, cancellationToken)
                ?? _blocks.Decode(path, source.Version, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
        }

        using var stream = SeekableSource.Open(source);
        return _reader.Decode(stream, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
    }
}
