using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes JPEG sources through TurboJPEG at the plan's reduction: libjpeg's DCT scaling gives 1/2, 1/4 and 1/8
/// directly from the coefficients, so JPEG counts as four resolution levels and a reduced request of a huge JPEG decodes
/// and holds only the reduced image.</summary>
/// <remarks>
/// <para>Decoded images live in the ImageSharp decoder's <see cref="DecodedImageCache"/>, so every non-JPEG 2000 source
/// shares one memory budget, which counts each image at its decoded (scaled) size. An image decoded at one scale is
/// kept whole when it needs at most half the budget (or at most all of it when it cannot be decoded in bands); a larger
/// sequential JPEG is decoded in full-width bands of at most an eighth of the budget by <see cref="JpegBandDecoder"/>,
/// and a request assembles its region from the bands it crosses. A progressive JPEG makes libjpeg hold every DCT
/// coefficient (2 bytes a sample, at any output scale), so one whose coefficients alone exceed the budget is refused.</para>
/// <para>JPEGs that TurboJPEG 2.1 does not decode into L8 or Rgb24 (CMYK and YCCK, 12-bit, lossless) go to the
/// ImageSharp decoder as before, at full resolution. EXIF orientation is not applied, as before: pixels are served as
/// stored.</para>
/// </remarks>
internal sealed class TurboJpegSourceDecoder : IImageDecoder
{
    private static readonly TimeSpan BandTimeout = TimeSpan.FromMinutes(5);

    private readonly TurboJpegReader _reader;
    private readonly ImageSharpSourceDecoder _fallback;
    private readonly DecodedImageCache _cache;

    /// <summary>Creates the decoder; <paramref name="fallback"/> decodes what TurboJPEG cannot and owns the shared cache.</summary>
    public TurboJpegSourceDecoder(Configuration configuration, ImageSharpSourceDecoder fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(fallback);
        _reader = new TurboJpegReader(configuration);
        _fallback = fallback;
        _cache = fallback.Cache;
    }

    /// <inheritdoc/>
    public string Name => "TurboJPEG";

    /// <summary>The shared decoded-image cache (for tests and statistics).</summary>
    internal DecodedImageCache Cache => _cache;

    /// <inheritdoc/>
    public bool CanDecode(ReadOnlySpan<byte> header) => SourceFormatSniffer.Detect(header) == SourceFormat.Jpeg;

    /// <inheritdoc/>
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = Open(source);
        var header = TurboJpegReader.ReadHeader(buffer);
        return header.IsTurboDecodable
            ? new ImageInfo(header.Width, header.Height, TurboJpegReader.MaxReduction + 1, null, header.IsGray)
            : _fallback.Identify(source, cancellationToken);
    }

    /// <inheritdoc/>
    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        var reduce = Math.Min(plan.Reduction.Level, TurboJpegReader.MaxReduction);
        var location = source.LocalPath ?? source.Identifier.Value;
        var wholeKey = new DecodedImageKey(location, source.Version, -1, reduce);
        if (_cache.TryAcquire(wholeKey) is { } cached)
        {
            using (cached)
            {
                return Cut(cached.Image, plan, reduce);
            }
        }

        using var buffer = Open(source);
        var header = TurboJpegReader.ReadHeader(buffer);
        if (!header.IsTurboDecodable)
        {
            return _fallback.Decode(source, plan, cancellationToken);
        }

        var layout = JpegDecodeLayout.Choose(header, reduce, _cache.BudgetBytes, source.Identifier.Value);
        if (layout.BandRows == 0)
        {
            // Not cancellable: one decode serves every request waiting for it, so no single caller may abort it.
            using var lease = _cache.Acquire(wholeKey, header.DecodedBytes(reduce), () => DecodeWhole(source, buffer, header, reduce));
            cancellationToken.ThrowIfCancellationRequested();
            return Cut(lease.Image, plan, reduce);
        }

        var scaledHeight = header.ScaledSize(reduce).Height;
        var rowBytes = header.DecodedBytes(reduce) / scaledHeight;
        return JpegBandAssembler.Assemble(ScaledRegion(plan.SourceRegion, reduce), layout.BandRows, scaledHeight, band =>
        {
            var key = new DecodedImageKey(location, source.Version, band.Index, reduce);
            return _cache.TryAcquire(key) ?? _cache.Acquire(key, rowBytes * band.Rows, () => DecodeBand(source, buffer, header, reduce, band));
        }, header, _reader.Configuration, plan.DecodedSize, cancellationToken);
    }

    private Image DecodeWhole(ImageSourceHandle source, JpegSourceBuffer buffer, JpegHeader header, int reduce)
    {
        try
        {
            return _reader.Decode(buffer, header, reduce);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new SourceTooLargeException($"The source '{source.Identifier}' exceeds ImageSharp's allocation limit: {e.Message}", e);
        }
    }

    // Sources with a path are read by djpeg itself; others are fed to it from memory.
    private Image DecodeBand(ImageSourceHandle source, JpegSourceBuffer buffer, JpegHeader header, int reduce, JpegBand band)
    {
        try
        {
            return JpegBandDecoder.Decode(source.LocalPath, buffer, header, reduce, band.Top, band.Rows, _reader.Configuration, BandTimeout);
        }
        catch (JpegBandDecoderUnavailableException e)
        {
            throw new SourceTooLargeException(
                $"The source '{source.Identifier}' ({header.Width}x{header.Height}) is too large to decode whole and needs {e.Message}", e);
        }
    }

    private Image Cut(Image decoded, RenderPlan plan, int reduce) =>
        RegionCopier.Copy(decoded, ScaledRegion(plan.SourceRegion, reduce), plan.DecodedSize, _reader.Configuration);

    /// <summary>The region in the image decoded at 1/2^r: both edges rounded up, as libjpeg sizes a scaled image and as
    /// the planner computes the decoded size.</summary>
    private static PixelRect ScaledRegion(PixelRect region, int reduce)
    {
        var factor = new ReductionFactor(reduce);
        var size = factor.ReducedSize(region);
        var origin = factor.ReducedSize(new PixelRect(0, 0, region.X, region.Y));
        return new PixelRect(origin.Width, origin.Height, size.Width, size.Height);
    }

    private static JpegSourceBuffer Open(ImageSourceHandle source)
    {
        try
        {
            if (source.LocalPath is { } path)
            {
                return JpegSourceBuffer.Map(path);
            }

            using var stream = source.OpenRead();
            return JpegSourceBuffer.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new SourceDecodeException($"The source '{source.Identifier}' could not be decoded: {e.Message}", e);
        }
    }
}
