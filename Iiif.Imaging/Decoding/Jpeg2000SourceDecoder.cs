using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes JPEG 2000 sources (JP2 files and raw codestreams) through <see cref="Jpeg2000Reader"/>: only the
/// planned region, at the planned resolution reduction, so a tile of a huge image costs about a tile.</summary>
/// <remarks>Files are read by path when the source has one (the reader opens them unbuffered, as OpenJPEG buffers
/// itself); other sources through a seekable stream. Damaged content surfaces as <see cref="ImageDecodeException"/>,
/// which is a <see cref="SourceDecodeException"/>. A region inside one tile of a tiled file is cut from that whole tile,
/// decoded once and kept in a <see cref="Jpeg2000BlockCache"/> (files with a path only; see
/// <see cref="Jpeg2000SourceDecoderOptions"/>): a viewer asks for the neighbouring IIIF tiles of one JPEG 2000 tile in
/// a burst, and the pixels are exactly those a direct decode gives.</remarks>
internal sealed class Jpeg2000SourceDecoder : IImageDecoder, IDisposable
{
    private readonly Jpeg2000Reader _reader;
    private readonly Jpeg2000BlockCache? _blocks;

    /// <summary>Creates the decoder producing images in the server's ImageSharp <paramref name="configuration"/>.</summary>
    public Jpeg2000SourceDecoder(Configuration configuration, IOptions<Jpeg2000SourceDecoderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var budget = options.Value.BlockCacheBytes;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(options));
        _reader = new Jpeg2000Reader(configuration);
        _blocks = budget > 0 ? new Jpeg2000BlockCache(_reader, configuration, budget) : null;
    }

    /// <summary>The block cache, or null when it is off (for tests and statistics).</summary>
    internal Jpeg2000BlockCache? Blocks => _blocks;

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
            // Every tile request identifies its source first; the block cache already keeps these facts per version.
            var facts = _blocks?.FactsOf(path, source.Version, cancellationToken) ?? Jpeg2000Reader.ReadFacts(path, cancellationToken);
            return facts.ToImageInfo();
        }

        using var stream = OpenSeekable(source);
        return Jpeg2000Reader.ReadFacts(stream, cancellationToken).ToImageInfo();
    }

    /// <inheritdoc/>
    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        if (source.LocalPath is { } path)
        {
            return _blocks?.TryDecode(path, source.Version, plan.SourceRegion, plan.Reduction.Level, cancellationToken)
                ?? _reader.Decode(path, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
        }

        using var stream = OpenSeekable(source);
        return _reader.Decode(stream, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _blocks?.Dispose();

    // OpenJPEG seeks between tiles; a source stream that cannot seek is copied into memory first.
    private static Stream OpenSeekable(ImageSourceHandle source)
    {
        var stream = source.OpenRead();
        if (stream.CanSeek)
        {
            return stream;
        }

        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
    }
}
