using System.Runtime.InteropServices;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Reads the current directory of a <see cref="TiffHandle"/> into a <see cref="TiffDirectory"/>, refusing
/// layouts that cannot become pixels with a typed exception that says why.</summary>
internal static unsafe class TiffDirectoryReader
{
    /// <summary>Tiles or strips wider or taller than this are refused (TIFF tiles are normally 16 to 1024 pixels).</summary>
    private const int MaxBlockSide = 65_536;

    /// <summary>Images wider or taller than this are refused before anything is allocated for them (the largest scans
    /// are a few hundred thousand pixels on a side).</summary>
    private const int MaxSide = 4 * 1024 * 1024;

    /// <summary>Tiles or strips per directory beyond this are refused (a 200 000 px square at 256 px tiles has 610 000).</summary>
    private const long MaxBlocks = 1L << 26;

    /// <summary>Reads the current directory.</summary>
    /// <exception cref="ImageDecodeException">Required tags are missing or absurd.</exception>
    /// <exception cref="TiffCodecUnavailableException">The compression scheme is not available.</exception>
    /// <exception cref="UnsupportedTiffLayoutException">The samples cannot be turned into pixels.</exception>
    public static TiffDirectory Read(TiffHandle tif)
    {
        var width = UInt32(tif, TiffTag.ImageWidth);
        var height = UInt32(tif, TiffTag.ImageLength);
        if (width is 0 or > MaxSide || height is 0 or > MaxSide)
        {
            throw new ImageDecodeException($"The TIFF directory has an impossible size ({width}x{height}).");
        }

        var tiled = NativeMethods.IsTiled(tif) != 0;
        var (blockWidth, blockHeight) = tiled
            ? (UInt32(tif, TiffTag.TileWidth), UInt32(tif, TiffTag.TileLength))
            : (width, Math.Min(UInt32Defaulted(tif, TiffTag.RowsPerStrip), height));
        if (blockWidth == 0 || blockHeight == 0 || (tiled && (blockWidth > MaxBlockSide || blockHeight > MaxBlockSide)))
        {
            throw new ImageDecodeException($"The TIFF directory has impossible {(tiled ? "tiles" : "strips")} ({blockWidth}x{blockHeight}).");
        }

        var compression = UInt16Defaulted(tif, TiffTag.Compression);
        if (NativeMethods.IsCodecConfigured(compression) == 0)
        {
            throw new TiffCodecUnavailableException(TiffCodes.CompressionName(compression), compression);
        }

        var layout = TiffLayoutClassifier.Classify(tif, compression);
        var blocks = (((long)width + blockWidth - 1) / blockWidth) * (((long)height + blockHeight - 1) / blockHeight)
            * (layout.IsPlanar ? layout.SamplesPerPixel : 1);
        if (blocks > MaxBlocks)
        {
            throw new ImageDecodeException($"The TIFF directory has {blocks} {(tiled ? "tiles" : "strips")}; at most {MaxBlocks} are read.");
        }

        uint subfileType = 0;
        NativeMethods.GetField(tif, TiffTag.SubfileType, &subfileType);
        return new TiffDirectory
        {
            Offset = NativeMethods.CurrentDirOffset(tif),
            Width = (int)width,
            Height = (int)height,
            IsTiled = tiled,
            BlockWidth = (int)blockWidth,
            BlockHeight = (int)blockHeight,
            SubfileType = subfileType,
            Compression = compression,
            Layout = layout,
            JpegTables = compression == TiffCodes.CompressionJpeg ? Bytes(tif, TiffTag.JpegTables) : ReadOnlyMemory<byte>.Empty,
            IccProfile = Bytes(tif, TiffTag.IccProfile),
            SubIfdOffsets = SubIfds(tif),
        };
    }

    /// <summary>A required uint32 tag.</summary>
    public static uint UInt32(TiffHandle tif, uint tag)
    {
        uint value = 0;
        return NativeMethods.GetField(tif, tag, &value) != 0
            ? value
            : throw new ImageDecodeException($"The TIFF directory lacks the required tag {tag}.");
    }

    /// <summary>A uint32 tag or its TIFF 6.0 default.</summary>
    public static uint UInt32Defaulted(TiffHandle tif, uint tag)
    {
        uint value = 0;
        NativeMethods.GetFieldDefaulted(tif, tag, &value);
        return value;
    }

    /// <summary>A uint16 tag or its TIFF 6.0 default.</summary>
    public static ushort UInt16Defaulted(TiffHandle tif, uint tag)
    {
        ushort value = 0;
        NativeMethods.GetFieldDefaulted(tif, tag, &value);
        return value;
    }

    /// <summary>A uint16 tag, or null when absent.</summary>
    public static ushort? UInt16(TiffHandle tif, uint tag)
    {
        ushort value = 0;
        return NativeMethods.GetField(tif, tag, &value) != 0 ? value : null;
    }

    /// <summary>A uint16-counted uint16 array tag (ExtraSamples), empty when absent.</summary>
    public static ushort[] UInt16Array(TiffHandle tif, uint tag)
    {
        ushort count = 0;
        void* values = null;
        return NativeMethods.GetField(tif, tag, &count, &values) != 0 && values != null
            ? new ReadOnlySpan<ushort>(values, count).ToArray()
            : [];
    }

    private static ReadOnlyMemory<byte> Bytes(TiffHandle tif, uint tag)
    {
        uint count = 0;
        void* data = null;
        return NativeMethods.GetField(tif, tag, &count, &data) != 0 && data != null && count > 0
            ? new ReadOnlySpan<byte>(data, checked((int)count)).ToArray()
            : ReadOnlyMemory<byte>.Empty;
    }

    private static ulong[] SubIfds(TiffHandle tif)
    {
        ushort count = 0;
        void* offsets = null;
        return NativeMethods.GetField(tif, TiffTag.SubIfd, &count, &offsets) != 0 && offsets != null
            ? MemoryMarshal.Cast<byte, ulong>(new ReadOnlySpan<byte>(offsets, count * sizeof(ulong))).ToArray()
            : [];
    }
}
