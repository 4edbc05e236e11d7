using Iiif.Core.Geometry;

namespace Iiif.Imaging.Tiff;

/// <summary>What one image file directory (IFD) says, read without decoding any pixel.</summary>
internal sealed record TiffDirectory
{
    /// <summary>The IFD's file offset, which <c>TIFFSetSubDirectory</c> selects directly.</summary>
    public required ulong Offset { get; init; }

    /// <summary>ImageWidth.</summary>
    public required int Width { get; init; }

    /// <summary>ImageLength.</summary>
    public required int Height { get; init; }

    /// <summary>True when stored in tiles, false for strips.</summary>
    public required bool IsTiled { get; init; }

    /// <summary>Tile width, or the image width for strips.</summary>
    public required int BlockWidth { get; init; }

    /// <summary>Tile height, or RowsPerStrip (at most the image height) for strips.</summary>
    public required int BlockHeight { get; init; }

    /// <summary>NewSubfileType (bit 0 = reduced-resolution image).</summary>
    public required uint SubfileType { get; init; }

    /// <summary>The Compression tag.</summary>
    public required ushort Compression { get; init; }

    /// <summary>How the samples become pixels.</summary>
    public required TiffSampleLayout Layout { get; init; }

    /// <summary>The JPEGTables stream (SOI, tables, EOI) for JPEG-compressed directories, else empty.</summary>
    public required ReadOnlyMemory<byte> JpegTables { get; init; }

    /// <summary>The ICC profile, empty when none.</summary>
    public required ReadOnlyMemory<byte> IccProfile { get; init; }

    /// <summary>Offsets of the SubIFDs (reduced levels for Bio-Formats and <c>vips --subifd</c>); empty when none.</summary>
    public required IReadOnlyList<ulong> SubIfdOffsets { get; init; }

    /// <summary>Blocks per row.</summary>
    public int BlocksAcross => (int)(((long)Width + BlockWidth - 1) / BlockWidth);

    /// <summary>Block rows.</summary>
    public int BlocksDown => (int)(((long)Height + BlockHeight - 1) / BlockHeight);

    /// <summary>Blocks per sample plane (the block index of plane p is <c>p * BlocksPerPlane + index</c>).</summary>
    public int BlocksPerPlane => BlocksAcross * BlocksDown;

    /// <summary>Block <paramref name="index"/>'s pixels (row-major index within one plane), clipped to the image.</summary>
    public PixelRect BlockBounds(int index)
    {
        var x = index % BlocksAcross * BlockWidth;
        var y = index / BlocksAcross * BlockHeight;
        return new PixelRect(x, y, Math.Min(BlockWidth, Width - x), Math.Min(BlockHeight, Height - y));
    }

    /// <summary>True when this directory is marked as a reduced-resolution image.</summary>
    public bool IsReducedImage => (SubfileType & Native.TiffTag.ReducedImage) != 0;
}
