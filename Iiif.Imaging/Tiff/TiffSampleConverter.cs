using System.Buffers.Binary;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Turns rows of decoded TIFF samples (as libtiff's <c>TIFFReadEncoded*</c> returns them, in host byte order)
/// into interleaved output pixels: grey or RGB, then alpha; 8 bits per channel, or 16 for the converter's deep output.</summary>
/// <remarks>Handles 1, 2, 4, 8 and 16-bit samples, contiguous or planar, signed samples (shifted to unsigned),
/// min-is-white (inverted), palettes (looked up), extra samples that are not alpha (dropped) and associated alpha
/// (divided out, as the working types carry straight alpha). The common layouts whose samples already are the output
/// bytes are copied row by row.</remarks>
internal sealed class TiffSampleConverter
{
    private readonly TiffSampleLayout _layout;
    private readonly int _maxValue;
    private readonly bool _copiesRows;

    public TiffSampleConverter(TiffSampleLayout layout)
    {
        _layout = layout;
        _maxValue = (1 << layout.BitsPerSample) - 1;
        _copiesRows = layout is { BitsPerSample: 8, IsPlanar: false, IsSigned: false, IsAlphaAssociated: false }
            && layout.Photometric != TiffCodes.PhotometricMinIsWhite && layout.Photometric != TiffCodes.PhotometricPalette
            && (layout.ConvertsJpegToRgb || layout.SamplesPerPixel == layout.OutputChannels)
            && (!layout.HasAlpha || layout.AlphaSample == layout.ColorChannels);
    }

    /// <summary>Bytes of one stored row of <paramref name="width"/> pixels in one plane (all samples when contiguous).</summary>
    public int RowStride(int width) => ((width * PlaneSamples * _layout.BitsPerSample) + 7) / 8;

    /// <summary>Samples per pixel in one plane: all of them when contiguous (3 after JPEG's YCbCr-to-RGB), one when planar.</summary>
    public int PlaneSamples => _layout.IsPlanar ? 1 : _layout.ConvertsJpegToRgb ? 3 : _layout.SamplesPerPixel;

    /// <summary>Converts the first <paramref name="width"/> pixels of row <paramref name="y"/> of a decoded block.
    /// <paramref name="block"/> holds the block's planes one after the other, <paramref name="planeBytes"/> apart (one
    /// plane when contiguous), rows <paramref name="stride"/> bytes apart; <paramref name="destination"/> receives
    /// OutputChannels values per pixel, one byte each, or two (host order) when <paramref name="deep"/>.</summary>
    public void ConvertRow(ReadOnlySpan<byte> block, int planeBytes, int stride, int y, int width, Span<byte> destination, bool deep)
    {
        var row = new PlaneRows(block, planeBytes, stride, y);
        if (_copiesRows && !deep)
        {
            row.Plane(0)[..(width * _layout.OutputChannels)].CopyTo(destination);
            return;
        }

        var channels = _layout.OutputChannels;
        for (var x = 0; x < width; x++)
        {
            var alpha = _layout.HasAlpha ? Scale(Raw(row, x, _layout.AlphaSample), deep) : -1;
            var offset = x * channels;
            if (_layout.Photometric == TiffCodes.PhotometricPalette)
            {
                WritePalette(Raw(row, x, 0), destination, offset, deep);
            }
            else
            {
                for (var c = 0; c < _layout.ColorChannels; c++)
                {
                    var value = Color(Raw(row, x, c), deep);
                    Write(destination, offset + c, alpha >= 0 && _layout.IsAlphaAssociated ? Unpremultiply(value, alpha, deep) : value, deep);
                }
            }

            if (alpha >= 0)
            {
                Write(destination, offset + channels - 1, alpha, deep);
            }
        }
    }

    /// <summary>Divides premultiplied colour by alpha (rounded, clamped); 0 where alpha is 0.</summary>
    public static int Unpremultiply(int value, int alpha, bool deep)
    {
        var max = deep ? 65535 : 255;
        return alpha == 0 ? 0 : (int)Math.Min(max, (((long)value * max) + (alpha / 2)) / alpha);
    }

    private static void Write(Span<byte> destination, int index, int value, bool deep)
    {
        if (deep)
        {
            BitConverter.TryWriteBytes(destination[(index * 2)..], (ushort)value);
        }
        else
        {
            destination[index] = (byte)value;
        }
    }

    private void WritePalette(int index, Span<byte> destination, int offset, bool deep)
    {
        var map = _layout.ColorMap.Span;
        var entries = map.Length / 3;
        index = Math.Min(index, entries - 1);
        for (var c = 0; c < 3; c++)
        {
            var value = map[(c * entries) + index];
            Write(destination, offset + c, deep ? value : (value * 255 + 32767) / 65535, deep);
        }
    }

    private int Color(int raw, bool deep)
    {
        var value = _layout.Photometric == TiffCodes.PhotometricMinIsWhite ? _maxValue - raw : raw;
        return Scale(value, deep);
    }

    private int Scale(int value, bool deep) => (_layout.BitsPerSample, deep) switch
    {
        (8, false) or (16, true) => value,
        (16, false) => ((value * 255) + 32767) / 65535,
        (8, true) => value * 257,
        (_, false) => value * 255 / _maxValue,
        _ => value * 65535 / _maxValue,
    };

    /// <summary>Sample <paramref name="sample"/> of pixel <paramref name="x"/> as an unsigned value in [0, 2^bits).</summary>
    private int Raw(PlaneRows rows, int x, int sample)
    {
        var row = rows.Plane(_layout.IsPlanar ? sample : 0);
        var index = _layout.IsPlanar ? x : (x * PlaneSamples) + sample;
        var bits = _layout.BitsPerSample;
        int value = bits switch
        {
            8 => row[index],
            16 => BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(row[(index * 2)..]) : BinaryPrimitives.ReadUInt16BigEndian(row[(index * 2)..]),
            _ => (row[index * bits / 8] >> (8 - bits - (index * bits % 8))) & _maxValue,
        };

        if (_layout.IsSigned)
        {
            // Two's complement to offset binary: the most negative value becomes 0.
            value ^= 1 << (bits - 1);
        }

        return value;
    }

    /// <summary>One row of a decoded block, in each of its planes.</summary>
    private readonly ref struct PlaneRows(ReadOnlySpan<byte> block, int planeBytes, int stride, int y)
    {
        private readonly ReadOnlySpan<byte> _block = block;

        public ReadOnlySpan<byte> Plane(int plane) => _block.Slice((plane * planeBytes) + (y * stride), stride);
    }
}
