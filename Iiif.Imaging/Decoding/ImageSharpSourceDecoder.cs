using Iiif.Core.Diagnostics;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Imaging.Decoding;

/// <summary>Decodes JPEG, PNG, GIF, WebP and BMP sources with ImageSharp. None has resolution levels here
/// (resolution levels 1, no native tiles), so each source is decoded whole once, kept in a
/// budgeted cache keyed by (path, version), and every request cuts its region from that one decode.</summary>
/// <remarks>Limits: see <see cref="ImageSharpSourceDecoderOptions"/> for the sizes one budget holds. A source whose
/// decoded pixels alone exceed the budget is refused with <see cref="SourceTooLargeException"/> after reading only its
/// header. Animated GIFs give their first frame. Identify reads the header only and
/// does not prove the rest of the file decodes; a truncated or corrupt body fails in <see cref="Decode"/>.</remarks>
internal sealed class ImageSharpSourceDecoder : IImageDecoder, ICacheStatisticsSource, IDisposable
{
    private readonly Configuration _configuration;
    private readonly DecodedImageCache _cache;

    /// <summary>Creates the decoder over the server's ImageSharp configuration.</summary>
    public ImageSharpSourceDecoder(Configuration configuration, IOptions<ImageSharpSourceDecoderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Value.MemoryBudgetMegabytes ?? 0, nameof(options));
        _configuration = configuration;
        _cache = new DecodedImageCache(options.Value.MemoryBudgetBytes);
    }

    /// <inheritdoc/>
    public string Name => "ImageSharp";

    /// <summary>The cache of decoded full images (exposed for tests and statistics).</summary>
    internal DecodedImageCache Cache => _cache;

    /// <inheritdoc/>
    public bool CanDecode(ReadOnlySpan<byte> header) => ImageSharpFormats.IsSupported(SourceFormatSniffer.Detect(header));

    /// <inheritdoc/>
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (format, info) = ReadHeader(source, cancellationToken);
        return new ImageInfo(info.Width, info.Height, 1, null, ImageSharpFormats.IsGrayscale(info, format));
    }

    /// <inheritdoc/>
    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        var key = new DecodedImageKey(source.LocalPath ?? source.Identifier.Value, source.Version);
        using var lease = _cache.TryAcquire(key) ?? AcquireOnMiss(source, key, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return RegionCopier.Copy(lease.Image, plan.SourceRegion, plan.DecodedSize, _configuration);
    }

    /// <inheritdoc/>
    /// <remarks>Reported as <c>decoded-images</c>.</remarks>
    public IReadOnlyList<CacheStatistics> GetStatistics() => [_cache.Statistics];

    /// <inheritdoc/>
    public void Dispose() => _cache.Dispose();

    private DecodedImageLease AcquireOnMiss(ImageSourceHandle source, DecodedImageKey key, CancellationToken cancellationToken)
    {
        var (format, info) = ReadHeader(source, cancellationToken);
        var type = ImageSharpFormats.WorkingTypeFor(info, format);
        var bytes = (long)info.Width * info.Height * (int)type;
        if (bytes > _cache.BudgetBytes)
        {
            throw new SourceTooLargeException(source.Identifier.Value, info.Width, info.Height, bytes, _cache.BudgetBytes);
        }

        return _cache.Acquire(key, bytes, () => Guard(source, () =>
        {
            using var stream = source.OpenRead();
            return ImageSharpFormats.Decode(format, type, _configuration, stream);
        }));
    }

    private (SourceFormat Format, IImageInfo Info) ReadHeader(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        var format = Sniff(source);
        using var stream = source.OpenRead(cancellationToken);
        var info = Guard(source, () => ImageSharpFormats.Identify(format, _configuration, stream, cancellationToken));
        if (info is null || info.Width < 1 || info.Height < 1)
        {
            throw new SourceDecodeException($"The source '{source.Identifier}' has no readable {format} header.");
        }

        return (format, info);
    }

    private static SourceFormat Sniff(ImageSourceHandle source)
    {
        Span<byte> header = stackalloc byte[SourceFormatSniffer.HeaderLength];
        int length;
        using (var stream = source.OpenRead())
        {
            length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var format = SourceFormatSniffer.Detect(header[..length]);
        return ImageSharpFormats.IsSupported(format)
            ? format
            : throw new UnsupportedImageFormatException($"The source '{source.Identifier}' is not a JPEG, PNG, GIF, WebP or BMP image.");
    }

    // ImageSharp reports bad content through several exception types (ImageFormatException and its subclasses, and
    // for some truncations NotSupportedException, InvalidOperationException or EndOfStreamException); callers get one.
    private static T Guard<T>(ImageSourceHandle source, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new SourceTooLargeException($"The source '{source.Identifier}' exceeds ImageSharp's allocation limit: {e.Message}", e);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidOperationException
            or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
        {
            throw new SourceDecodeException($"The source '{source.Identifier}' could not be decoded: {e.Message}", e);
        }
    }
}
