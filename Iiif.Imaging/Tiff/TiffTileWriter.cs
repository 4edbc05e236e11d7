using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff.Native;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>Writes one directory of a pyramid: its tags, then every tile, then the directory itself. Edge tiles are
/// padded by repeating the last column and row, which keeps JPEG from ringing against a black border.</summary>
internal sealed unsafe class TiffTileWriter
{
    private readonly TiffHandle _tif;
    private readonly Image _image;
    private readonly bool _reduced;
    private readonly TiffTileCompression _compression;
    private readonly TiffPyramidWriterOptions _options;

    public TiffTileWriter(TiffHandle tif, Image image, bool reduced, TiffTileCompression compression, TiffPyramidWriterOptions options)
    {
        _tif = tif;
        _image = image;
        _reduced = reduced;
        _compression = compression;
        _options = options;
    }

    /// <summary>Writes the tags (with <paramref name="iccProfile"/> when given), the tiles (calling
    /// <paramref name="tileWritten"/> after each) and the directory.</summary>
    public void WriteDirectory(byte[]? iccProfile, Action tileWritten)
    {
        var channels = PixelRows.Channels(_image);
        var bytesPerSample = PixelRows.IsDeep(_image) ? 2 : 1;
        var tile = _options.TileSize;
        WriteTags(channels, bytesPerSample, iccProfile);
        var bpp = channels * bytesPerSample;
        using var buffer = new NativeBuffer((long)tile * tile * bpp);
        var across = (_image.Width + tile - 1) / tile;
        var down = (_image.Height + tile - 1) / tile;
        for (var ty = 0; ty < down; ty++)
        {
            for (var tx = 0; tx < across; tx++)
            {
                Fill(buffer.Bytes, tx * tile, ty * tile, tile, bpp);
                if (NativeMethods.WriteEncodedTile(_tif, (uint)((ty * across) + tx), buffer.Pointer, buffer.Length) < 0)
                {
                    throw Failure($"tile {(ty * across) + tx}");
                }

                tileWritten();
            }
        }

        if (NativeMethods.WriteDirectory(_tif) == 0)
        {
            throw Failure("directory");
        }
    }

    private void WriteTags(int channels, int bytesPerSample, byte[]? iccProfile)
    {
        var jpeg = _compression == TiffTileCompression.Jpeg;
        var color = channels >= 3;
        Set(TiffTag.SubfileType, _reduced ? (int)TiffTag.ReducedImage : 0);
        Set(TiffTag.ImageWidth, _image.Width);
        Set(TiffTag.ImageLength, _image.Height);
        Set(TiffTag.TileWidth, _options.TileSize);
        Set(TiffTag.TileLength, _options.TileSize);
        Set(TiffTag.BitsPerSample, bytesPerSample * 8);
        Set(TiffTag.SamplesPerPixel, channels);
        Set(TiffTag.SampleFormat, TiffCodes.SampleFormatUnsigned);
        Set(TiffTag.PlanarConfig, TiffCodes.PlanarContiguous);
        Set(TiffTag.Compression, jpeg ? TiffCodes.CompressionJpeg : TiffCodes.CompressionAdobeDeflate);
        Set(TiffTag.Photometric, (color, jpeg) switch
        {
            (true, true) => TiffCodes.PhotometricYCbCr,
            (true, false) => TiffCodes.PhotometricRgb,
            _ => TiffCodes.PhotometricMinIsBlack,
        });
        if (channels is 2 or 4)
        {
            ushort unassociated = TiffCodes.ExtraSampleUnassociatedAlpha;
            Check(NativeMethods.SetField(_tif, TiffTag.ExtraSamples, 1, &unassociated), TiffTag.ExtraSamples);
        }

        if (jpeg)
        {
            Set(TiffTag.JpegQuality, _options.JpegQuality);
            if (color)
            {
                Check(NativeMethods.SetField(_tif, TiffTag.YCbCrSubsampling, 2, 2), TiffTag.YCbCrSubsampling);
                Set(TiffTag.JpegColorMode, TiffTag.JpegColorModeRgb);
            }
        }
        else
        {
            Set(TiffTag.Predictor, TiffCodes.PredictorHorizontal);
            Set(TiffTag.ZipQuality, 6);
        }

        if (iccProfile is { Length: > 0 })
        {
            fixed (byte* profile = iccProfile)
            {
                Check(NativeMethods.SetField(_tif, TiffTag.IccProfile, iccProfile.Length, profile), TiffTag.IccProfile);
            }
        }
    }

    /// <summary>Copies the tile at (x, y) into <paramref name="buffer"/>, repeating the last column and row past the edge.</summary>
    private void Fill(Span<byte> buffer, int x, int y, int tile, int bpp)
    {
        var width = Math.Min(tile, _image.Width - x);
        for (var row = 0; row < tile; row++)
        {
            var source = PixelRows.Row(_image, Math.Min(y + row, _image.Height - 1)).Slice(x * bpp, width * bpp);
            var target = buffer.Slice(row * tile * bpp, tile * bpp);
            source.CopyTo(target);
            for (var column = width; column < tile; column++)
            {
                source[^bpp..].CopyTo(target[(column * bpp)..]);
            }
        }
    }

    private void Set(uint tag, int value) => Check(NativeMethods.SetField(_tif, tag, value), tag);

    private void Check(int result, uint tag)
    {
        if (result == 0)
        {
            throw Failure($"tag {tag}");
        }
    }

    private IOException Failure(string what) =>
        new($"libtiff could not write the TIFF ({what}): {_tif.Context.Messages.FirstError ?? "no reason given"}");
}
