using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes JPEG 2000 sources (JP2 files and raw codestreams) through <see cref="Jpeg2000Reader"/>: only the
/// planned region, at the planned resolution reduction, so a tile of a huge image costs about a tile.</summary>
/// <remarks>Files are read by path when the source has one (the reader opens them unbuffered, as OpenJPEG buffers
/// itself); other sources through a seekable stream. Damaged content surfaces as <see cref="ImageDecodeException"/>,
/// which is a <see cref="SourceDecodeException"/>.</remarks>
internal sealed class Jpeg2000SourceDecoder : IImageDecoder
{
    private readonly Jpeg2000Reader _reader;

    /// <summary>Creates the decoder producing images in the server's ImageSharp <paramref name="configuration"/>.</summary>
    public Jpeg2000SourceDecoder(Configuration configuration)
    {
        _reader = new Jpeg2000Reader(configuration);
    }

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
            return Jpeg2000Reader.ReadFacts(path, cancellationToken).ToImageInfo();
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
            return _reader.Decode(path, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
        }

        using var stream = OpenSeekable(source);
        return _reader.Decode(stream, plan.SourceRegion, plan.Reduction.Level, cancellationToken);
    }

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
