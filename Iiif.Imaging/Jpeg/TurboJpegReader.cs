using Iiif.Imaging.Jpeg.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg;

/// <summary>Reads JPEG in-process through TurboJPEG: header facts, and the whole image decoded at a DCT scale of 1, 1/2,
/// 1/4 or 1/8 (libjpeg computes the reduced image from the DCT coefficients directly, so a reduced decode costs a
/// fraction of a full one and needs only the reduced image's memory). Thread-safe: each call uses its own handle.</summary>
internal sealed unsafe class TurboJpegReader
{
    /// <summary>The deepest reduction (DCT scale 1/8).</summary>
    public const int MaxReduction = 3;

    private readonly Configuration _configuration;

    /// <summary>A reader producing images in (a contiguous-buffer copy of) <paramref name="configuration"/>, so TurboJPEG
    /// can decode straight into the image's memory.</summary>
    public TurboJpegReader(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration.Clone();
        _configuration.PreferContiguousImageBuffers = true;
    }

    /// <summary>The configuration decoded images are created in.</summary>
    public Configuration Configuration => _configuration;

    /// <summary>The header facts of <paramref name="source"/>. A header TurboJPEG refuses (12-bit or lossless coding,
    /// which libjpeg-turbo 2.1's TurboJPEG does not decode) still yields the frame's facts, with
    /// <see cref="JpegHeader.Colorspace"/> null, so the caller can hand the file to another decoder.</summary>
    /// <exception cref="ImageDecodeException">No frame header comes before the first scan: not a readable JPEG.</exception>
    public static JpegHeader ReadHeader(JpegSourceBuffer source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var segments = JpegMarkerReader.Read(source.Head(int.MaxValue))
            ?? throw new ImageDecodeException("JPEG header reading failed: no frame header before the first scan.");
        var (frame, frameWidth, frameHeight) = (segments.Frame, segments.Frame.Width, segments.Frame.Height);
        using var handle = TjHandle.CreateDecompressor();
        var refused = NativeMethods.DecompressHeader(handle, source.Pointer, (nuint)source.Length, out var width, out var height,
            out _, out var colorspace) != 0;
        return new JpegHeader
        {
            Width = refused ? frameWidth : width,
            Height = refused ? frameHeight : height,
            Colorspace = refused ? null : (TjColorspace)colorspace,
            TurboJpegRefusal = refused ? handle.LastError : null,
            Frame = frame,
            IccProfile = segments.IccProfile,
            Density = segments.Density,
        };
    }

    /// <summary>Decodes the whole of <paramref name="source"/> at DCT scale 1/2^<paramref name="reduce"/> into an L8
    /// (gray) or Rgb24 image of <see cref="JpegHeader.ScaledSize"/>, with the ICC profile and JFIF density in its
    /// metadata. Corrupt entropy data is tolerated as libjpeg tolerates it (the damaged blocks come out flat), but a
    /// file that ends early fails: its missing rows would be served as grey.</summary>
    /// <exception cref="ImageDecodeException">The file cannot be decoded, or is truncated.</exception>
    public Image Decode(JpegSourceBuffer source, JpegHeader header, int reduce)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(reduce);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reduce, MaxReduction);
        if (!header.IsTurboDecodable)
        {
            throw new ArgumentException("TurboJPEG does not decode this JPEG into L8 or Rgb24.", nameof(header));
        }

        var (width, height) = header.ScaledSize(reduce);
        return header.IsGray
            ? Decode<L8>(source, header, width, height, TjPixelFormat.Gray)
            : Decode<Rgb24>(source, header, width, height, TjPixelFormat.Rgb);
    }

    /// <summary>Copies the header's ICC profile and JFIF density into <paramref name="metadata"/>, as ImageSharp's JPEG
    /// decoder does, so the derivative carries them on.</summary>
    public static void ApplyMetadata(ImageMetadata metadata, JpegHeader header)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(header);
        if (header.IccProfile is { } icc)
        {
            var profile = new IccProfile(icc);
            metadata.IccProfile = profile.CheckIsValid() ? profile : null;
        }

        if (header.Density is { X: > 0, Y: > 0 } density)
        {
            metadata.ResolutionUnits = density.Units switch
            {
                1 => PixelResolutionUnit.PixelsPerInch,
                2 => PixelResolutionUnit.PixelsPerCentimeter,
                _ => PixelResolutionUnit.AspectRatio,
            };
            metadata.HorizontalResolution = density.X;
            metadata.VerticalResolution = density.Y;
        }
    }

    /// <summary>True for libjpeg's warnings about data that ended early ("Premature end of JPEG file", "premature end
    /// of data segment"), as opposed to damage it decodes around.</summary>
    internal static bool IsTruncation(string message) => message.Contains("premature end", StringComparison.OrdinalIgnoreCase);

    private Image<TPixel> Decode<TPixel>(JpegSourceBuffer source, JpegHeader header, int width, int height, TjPixelFormat format)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = new Image<TPixel>(_configuration, width, height);
        try
        {
            if (!image.DangerousTryGetSinglePixelMemory(out var memory))
            {
                throw new InvalidOperationException("ImageSharp did not allocate a contiguous buffer.");
            }

            using (var pin = memory.Pin())
            using (var handle = TjHandle.CreateDecompressor())
            {
                if (NativeMethods.Decompress(handle, source.Pointer, (nuint)source.Length, (byte*)pin.Pointer, width, 0, height,
                        (int)format, (int)TjFlags.LimitScans) != 0)
                {
                    var reason = handle.LastError;
                    if (!handle.LastErrorIsWarning || IsTruncation(reason))
                    {
                        throw new ImageDecodeException($"JPEG decoding failed: {reason}", [$"{(handle.LastErrorIsWarning ? "warning" : "error")}: {reason}"]);
                    }
                }
            }

            ApplyMetadata(image.Metadata, header);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
