using Iiif.Core.Geometry;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Reads JPEG 2000 files (JP2 or raw J2K codestreams) in-process through OpenJPEG: header facts, and any region
/// at any resolution reduction as an ImageSharp image. Thread-safe: every call uses its own codec and stream.</summary>
/// <remarks>
/// <para>Streams must be readable and seekable; reading starts at their current position, which is left anywhere.
/// Files are opened with shared read access. A missing file surfaces as the usual <see cref="IOException"/>s; damaged
/// content as <see cref="ImageDecodeException"/>.</para>
/// <para>Cancellation: the token is checked before and after each expensive step and on every read the codec makes.
/// opj_decode itself cannot be interrupted, so a cancelled decode of one large tile still runs to the end of that
/// tile's decode; multi-tile decodes stop at the next tile read.</para>
/// </remarks>
public sealed class Jpeg2000Reader
{
    private readonly Configuration _configuration;
    private readonly long _bandPixels;

    /// <summary>A reader producing images with <see cref="Configuration.Default"/>.</summary>
    public Jpeg2000Reader()
        : this(Configuration.Default)
    {
    }

    /// <summary>A reader producing images with <paramref name="configuration"/> (its memory allocator and limits).</summary>
    public Jpeg2000Reader(Configuration configuration)
        : this(configuration, DecodeBands.DefaultBandPixels)
    {
    }

    /// <summary>A reader decoding areas larger than two bands of <paramref name="bandPixels"/> output pixels band by band
    /// (tests use small bands to cover banding with small files).</summary>
    internal Jpeg2000Reader(Configuration configuration, long bandPixels)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandPixels, 1);
        _configuration = configuration;
        _bandPixels = bandPixels;
    }

    /// <summary>Reads the header facts of the file at <paramref name="path"/> (no pixel is decoded; about 0.1 ms warm).</summary>
    /// <exception cref="ImageDecodeException">The file is empty, not JPEG 2000, or its header is damaged.</exception>
    public static Jpeg2000Facts ReadFacts(string path, CancellationToken cancellationToken = default)
    {
        using var stream = OpenFile(path);
        return ReadFacts(stream, cancellationToken);
    }

    /// <summary>Reads the header facts from <paramref name="stream"/>, starting at its current position.</summary>
    /// <exception cref="ImageDecodeException">The data is empty, not JPEG 2000, or its header is damaged.</exception>
    public static Jpeg2000Facts ReadFacts(Stream stream, CancellationToken cancellationToken = default)
    {
        CheckStream(stream);
        cancellationToken.ThrowIfCancellationRequested();
        var container = Jpeg2000Signature.Detect(stream);
        var jp2 = container == Jpeg2000Container.Jp2 ? Jp2HeaderReader.Read(stream) : Jp2Header.None;
        using var session = OpjDecodeSession.Open(stream, container, cancellationToken);
        return session.ReadFacts(container, jp2);
    }

    /// <summary>Decodes <paramref name="region"/> of the file at <paramref name="path"/> at reduction
    /// <paramref name="reduce"/>; see <see cref="Decode(Stream, PixelRect, int, CancellationToken)"/>.</summary>
    public Image Decode(string path, PixelRect region, int reduce, CancellationToken cancellationToken = default)
    {
        using var stream = OpenFile(path);
        return Decode(stream, region, reduce, cancellationToken);
    }

    /// <summary>Decodes <paramref name="region"/> (full-resolution pixels relative to the image's top-left corner, whatever
    /// the image's origin on the reference grid) at reduction <paramref name="reduce"/> (scale 2^-reduce).</summary>
    /// <remarks>The region is clipped to the image. The result is ceil((x + w) / 2^r) - ceil(x / 2^r) pixels wide (ISO
    /// 15444-1 B.5), except that a region too small to contain one reduced pixel yields the nearest one instead of
    /// nothing. Areas of more than two bands (<see cref="DecodeBands"/>) are decoded band by band, so OpenJPEG never holds
    /// the samples of a huge area at once; the pixels are the same. The pixel type follows the content
    /// (L8, La16, Rgb24 or Rgba32); samples of any precision are scaled to 8 bits with rounding, signed samples shifted,
    /// subsampled components repeated to full resolution, YCC converted to RGB, and an ICC profile copied into the
    /// image's metadata.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduce"/> is negative or not below the file's
    /// resolution levels, or the region does not overlap the image.</exception>
    /// <exception cref="ImageDecodeException">The data is empty, not JPEG 2000, or corrupt; or truncated before a tile
    /// the region needs (then <see cref="Decoding.SourceDecodeException.RegionOnly"/> is set). A region whose tiles
    /// precede the cut, or are only partly cut, is still decoded (see <see cref="TilewiseDecode"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Image Decode(Stream stream, PixelRect region, int reduce, CancellationToken cancellationToken = default) =>
        Decode(stream, region, reduce, threads: 1, cancellationToken);

    /// <summary>Decodes as <see cref="Decode(Stream, PixelRect, int, CancellationToken)"/> with OpenJPEG's own
    /// <paramref name="threads"/> sharing each decode's code-blocks, for a decode many requests wait for.</summary>
    internal Image Decode(Stream stream, PixelRect region, int reduce, int threads, CancellationToken cancellationToken)
    {
        CheckStream(stream);
        cancellationToken.ThrowIfCancellationRequested();
        var start = stream.Position;
        var container = Jpeg2000Signature.Detect(stream);
        Jpeg2000Facts facts;
        DecodeArea area;
        IReadOnlyList<PixelRect> bands;
        ImageDecodeException? regionFailure = null;
        using (var session = OpjDecodeSession.Open(stream, container, cancellationToken, threads: threads))
        {
            facts = session.ReadFacts(container, Jp2Header.None);
            area = DecodeArea.Compute(facts, region, reduce);
            bands = DecodeBands.Split(facts, region, area, _bandPixels);
            if (bands.Count == 1)
            {
                try
                {
                    return DecodeOne(session, area, cancellationToken);
                }
                catch (ImageDecodeException e)
                {
                    // Tried again below, tile by tile, once this session's codec is freed.
                    regionFailure = e;
                }
            }
        }

        if (regionFailure is null)
        {
            try
            {
                return DecodeBanded(stream, start, container, bands, reduce, area.OutputSize, threads, cancellationToken);
            }
            catch (ImageDecodeException e)
            {
                regionFailure = e;
            }
        }

        return TilewiseDecode.Decode(stream, start, container, facts, area, _configuration, regionFailure, cancellationToken);
    }

    private unsafe Image DecodeOne(OpjDecodeSession session, DecodeArea area, CancellationToken cancellationToken)
    {
        session.Decode(area);
        cancellationToken.ThrowIfCancellationRequested();
        return DecodedImageConverter.ToImage(session.Image, area, _configuration);
    }

    /// <summary>Decodes each band with a session of its own (OpenJPEG decodes one area per codec on tiled files) and
    /// copies its rows into one image; only one band's samples are held at a time.</summary>
    private Image DecodeBanded(
        Stream stream, long start, Jpeg2000Container container, IReadOnlyList<PixelRect> bands, int reduce, PixelSize outputSize,
        int threads, CancellationToken cancellationToken)
    {
        Image? result = null;
        try
        {
            var row = 0;
            foreach (var band in bands)
            {
                stream.Position = start;
                using var session = OpjDecodeSession.Open(stream, container, cancellationToken, threads: threads);
                var bandArea = DecodeArea.Compute(session.ReadFacts(container, Jp2Header.None), band, reduce);
                using var decoded = DecodeOne(session, bandArea, cancellationToken);
                result ??= BandCopier.CreateLike(decoded, outputSize, _configuration);
                BandCopier.CopyRows(decoded, result, row);
                row += decoded.Height;
            }

            return row == outputSize.Height
                ? result!
                : throw new ImageDecodeException($"The decoded bands hold {row} rows; the region needs {outputSize.Height}.");
        }
        catch
        {
            result?.Dispose();
            throw;
        }
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // No managed buffering: OpenJPEG buffers its reads itself.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
    }

    private static void CheckStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }
    }
}
