using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Tiff;

/// <summary>Decodes single tiles or strips ("blocks") of one directory into images of the working type: L8, La16, Rgb24,
/// Rgba32, or with <c>deep</c> their 16-bit forms L16, La32, Rgb48, Rgba64. The handle must already be on the
/// directory. Not thread-safe, like the handle.</summary>
internal sealed unsafe class TiffBlockDecoder
{
    private readonly TiffHandle _tif;
    private readonly TiffDirectory _directory;
    private readonly Configuration _configuration;
    private readonly TiffSampleConverter _converter;

    public TiffBlockDecoder(TiffHandle tif, TiffDirectory directory, Configuration configuration)
    {
        _tif = tif;
        _directory = directory;
        _configuration = configuration;
        _converter = new TiffSampleConverter(directory.Layout);
        if (directory.Layout.ConvertsJpegToRgb)
        {
            // Must follow the directory selection: libjpeg then hands back RGB instead of YCbCr.
            NativeMethods.SetField(tif, TiffTag.JpegColorMode, TiffTag.JpegColorModeRgb);
        }
    }

    /// <summary>The bytes a decoded block takes in the working type (for the cache's budget).</summary>
    public static long WorkingBytes(TiffDirectory directory) =>
        (long)directory.BlockWidth * Math.Min(directory.BlockHeight, directory.Height) * directory.Layout.OutputChannels;

    /// <summary>Decodes block <paramref name="index"/> (clipped to the image) into a new image the caller owns.</summary>
    /// <exception cref="ImageDecodeException">libtiff could not decode the block.</exception>
    /// <exception cref="SourceTooLargeException">The block is larger than libtiff's allocation cap.</exception>
    public Image Decode(int index, bool deep)
    {
        // 16 bits are only kept where there are 16 bits to keep.
        deep &= _directory.Layout.IsDeep;
        var bounds = _directory.BlockBounds(index);
        var image = CreateImage(bounds.Width, bounds.Height, deep);
        try
        {
            if (_directory.Layout.UsesRgbaInterface)
            {
                FillFromRgba(image, bounds);
            }
            else
            {
                FillFromSamples(image, index, bounds, deep);
            }

            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private void FillFromSamples(Image image, int index, PixelRect bounds, bool deep)
    {
        var layout = _directory.Layout;
        var stride = _converter.RowStride(_directory.BlockWidth);
        var rows = _directory.IsTiled ? _directory.BlockHeight : bounds.Height;
        var planeBytes = (long)stride * rows;
        var planes = layout.IsPlanar ? layout.SamplesPerPixel : 1;
        var total = planeBytes * planes;
        if (total > TiffHandle.MaxSingleAllocation)
        {
            throw new SourceTooLargeException($"A TIFF {(_directory.IsTiled ? "tile" : "strip")} needs {total} bytes decoded; at most {TiffHandle.MaxSingleAllocation} are allowed.");
        }

        using var buffer = new NativeBuffer(total);
        for (var plane = 0; plane < planes; plane++)
        {
            var block = (uint)((plane * _directory.BlocksPerPlane) + index);
            var target = buffer.Pointer + (plane * planeBytes);
            var read = _directory.IsTiled
                ? NativeMethods.ReadEncodedTile(_tif, block, target, (nint)planeBytes)
                : NativeMethods.ReadEncodedStrip(_tif, block, target, (nint)planeBytes);
            if (read < planeBytes)
            {
                throw read < 0
                    ? _tif.Context.Failure($"{(_directory.IsTiled ? "tile" : "strip")} {block}")
                    : new ImageDecodeException($"A TIFF {(_directory.IsTiled ? "tile" : "strip")} decoded to {read} bytes, not {planeBytes}.", _tif.Context.Messages.Snapshot());
            }
        }

        for (var y = 0; y < image.Height; y++)
        {
            _converter.ConvertRow(buffer.Bytes, (int)planeBytes, stride, y, bounds.Width, PixelRows.Row(image, y), deep);
        }
    }

    /// <summary>libtiff's RGBA interface: packed ABGR words (red in the low byte), rows bottom-up, colour premultiplied
    /// by alpha.</summary>
    private void FillFromRgba(Image image, PixelRect bounds)
    {
        var width = _directory.BlockWidth;
        var rows = _directory.IsTiled ? _directory.BlockHeight : bounds.Height;
        var words = (long)width * _directory.BlockHeight;
        if (words * sizeof(uint) > TiffHandle.MaxSingleAllocation)
        {
            throw new SourceTooLargeException($"A TIFF {(_directory.IsTiled ? "tile" : "strip")} needs {words * sizeof(uint)} bytes decoded; at most {TiffHandle.MaxSingleAllocation} are allowed.");
        }

        using var raster = new NativeBuffer(words * sizeof(uint));
        var ok = _directory.IsTiled
            ? NativeMethods.ReadRgbaTile(_tif, (uint)bounds.X, (uint)bounds.Y, (uint*)raster.Pointer, 1)
            : NativeMethods.ReadRgbaStrip(_tif, (uint)bounds.Y, (uint*)raster.Pointer, 1);
        if (ok == 0)
        {
            throw _tif.Context.Failure($"{(_directory.IsTiled ? "tile" : "strip")} at {bounds.X},{bounds.Y}");
        }

        var alpha = _directory.Layout.HasAlpha;
        var channels = alpha ? 4 : 3;
        var pixels = new ReadOnlySpan<uint>(raster.Pointer, (int)words);
        for (var y = 0; y < image.Height; y++)
        {
            var row = PixelRows.Row(image, y);
            var source = pixels.Slice((rows - 1 - y) * width, bounds.Width);
            for (var x = 0; x < source.Length; x++)
            {
                var word = source[x];
                var a = (int)(word >> 24);
                for (var c = 0; c < 3; c++)
                {
                    var value = (int)((word >> (8 * c)) & 0xFF);
                    row[(x * channels) + c] = (byte)(alpha ? TiffSampleConverter.Unpremultiply(value, a, deep: false) : value);
                }

                if (alpha)
                {
                    row[(x * channels) + 3] = (byte)a;
                }
            }
        }
    }

    private Image CreateImage(int width, int height, bool deep) => CreateImage(_directory.Layout, width, height, deep, _configuration);

    /// <summary>A blank image of the working type of <paramref name="layout"/>, or its 16-bit form when
    /// <paramref name="deep"/> and the samples have 16 bits.</summary>
    public static Image CreateImage(TiffSampleLayout layout, int width, int height, bool deep, Configuration configuration)
    {
        var type = layout.PixelType;
        if (deep && layout.IsDeep)
        {
            return type switch
            {
                WorkingPixelType.L8 => new Image<L16>(configuration, width, height),
                WorkingPixelType.La16 => new Image<La32>(configuration, width, height),
                WorkingPixelType.Rgb24 => new Image<Rgb48>(configuration, width, height),
                _ => new Image<Rgba64>(configuration, width, height),
            };
        }

        return WorkingImages.Create(type, width, height, configuration);
    }
}
