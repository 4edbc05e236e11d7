using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg;

/// <summary>Writes ImageSharp images as JPEG through TurboJPEG. Gray images (L8) become one-component JPEG; colour
/// images (Rgb24) YCbCr with the settings' subsampling. The same pixels and settings always give the same bytes: the
/// library's output depends on nothing else, which cache keys and ETags rely on. Thread-safe.</summary>
internal sealed unsafe class TurboJpegEncoder
{
    private readonly JpegEncoderSettings _settings;
    private readonly JpegCompressorPool _pool;

    public TurboJpegEncoder(JpegEncoderSettings settings, JpegCompressorPool pool)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Quality, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Quality, 100, nameof(settings));
        _settings = settings;
        _pool = pool;
    }

    /// <summary>The settings every image is written with.</summary>
    public JpegEncoderSettings Settings => _settings;

    /// <summary>Encodes <paramref name="image"/> into <paramref name="destination"/> (written synchronously; left open).
    /// Images in other pixel types than L8 and Rgb24 are converted first (alpha is dropped, as JPEG has none).</summary>
    /// <exception cref="JpegEncodeException">TurboJPEG refused the image.</exception>
    public void Encode(Image image, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        switch (image)
        {
            case Image<L8> gray:
                Encode(gray, TjPixelFormat.Gray, TjSubsampling.Gray, destination);
                break;
            case Image<Rgb24> rgb:
                Encode(rgb, TjPixelFormat.Rgb, _settings.ColorSubsampling, destination);
                break;
            case Image<La16> or Image<L16> or Image<La32>:
                using (var converted = image.CloneAs<L8>(image.GetConfiguration()))
                {
                    Encode(converted, TjPixelFormat.Gray, TjSubsampling.Gray, destination);
                }

                break;
            default:
                using (var converted = image.CloneAs<Rgb24>(image.GetConfiguration()))
                {
                    Encode(converted, TjPixelFormat.Rgb, _settings.ColorSubsampling, destination);
                }

                break;
        }
    }

    private void Encode<TPixel>(Image<TPixel> image, TjPixelFormat format, TjSubsampling subsampling, Stream destination)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var pitch = image.Width * sizeof(TPixel);
        var compressor = _pool.Rent();
        try
        {
            ReadOnlySpan<byte> jpeg;
            if (image.DangerousTryGetSinglePixelMemory(out var memory))
            {
                using var pin = memory.Pin();
                jpeg = compressor.Compress((byte*)pin.Pointer, image.Width, pitch, image.Height, format, subsampling, _settings.Quality, _settings.Flags);
            }
            else
            {
                jpeg = CompressCopy(compressor, image, pitch, format, subsampling);
            }

            JpegSegmentWriter.Write(destination, jpeg, image.Metadata.IccProfile?.ToByteArray(), image.Metadata);
        }
        finally
        {
            _pool.Return(compressor);
        }
    }

    // Large images may sit in several pooled buffers; TurboJPEG wants one block with a fixed pitch.
    private ReadOnlySpan<byte> CompressCopy<TPixel>(JpegCompressor compressor, Image<TPixel> image, int pitch, TjPixelFormat format, TjSubsampling subsampling)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var bytes = (nuint)((long)pitch * image.Height);
        var block = (byte*)NativeMemory.Alloc(bytes);
        try
        {
            for (var y = 0; y < image.Height; y++)
            {
                MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span).CopyTo(new Span<byte>(block + ((long)y * pitch), pitch));
            }

            return compressor.Compress(block, image.Width, pitch, image.Height, format, subsampling, _settings.Quality, _settings.Flags);
        }
        finally
        {
            NativeMemory.Free(block);
        }
    }
}
