using Iiif.Core.Geometry;
using Iiif.Core.Info;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>What a JPEG 2000 file's headers say, read without decoding any pixels.</summary>
public sealed record Jpeg2000Facts
{
    /// <summary>JP2 file or raw codestream.</summary>
    public required Jpeg2000Container Container { get; init; }

    /// <summary>Image width in pixels (Xsiz - XOsiz).</summary>
    public required int Width { get; init; }

    /// <summary>Image height in pixels (Ysiz - YOsiz).</summary>
    public required int Height { get; init; }

    /// <summary>Image origin on the reference grid (XOsiz). Region coordinates given to the reader are relative to it.</summary>
    public required int OriginX { get; init; }

    /// <summary>Image origin on the reference grid (YOsiz).</summary>
    public required int OriginY { get; init; }

    /// <summary>The codestream's components, in order.</summary>
    public required IReadOnlyList<Jpeg2000ComponentFacts> Components { get; init; }

    /// <summary>The declared colour space (always <see cref="Jpeg2000ColorSpace.Unspecified"/> for raw codestreams).</summary>
    public required Jpeg2000ColorSpace ColorSpace { get; init; }

    /// <summary>True when the JP2 header carries an ICC profile.</summary>
    public required bool HasIccProfile { get; init; }

    /// <summary>Colour channels after any palette is applied, alpha excluded: 1 for grey, 3 for RGB/YCC, 4 for CMYK.</summary>
    public required int ColorChannels { get; init; }

    /// <summary>Resolution levels of the default tile-component (decomposition levels + 1): reductions 0 to
    /// ResolutionLevels - 1 can be decoded.</summary>
    public required int ResolutionLevels { get; init; }

    /// <summary>Tile grid origin on the reference grid (XTOsiz): tile column p spans [XTOsiz + p·XTsiz, XTOsiz + (p+1)·XTsiz)
    /// clipped to the image (ISO 15444-1 B.3). 0 when not set.</summary>
    public int TileOriginX { get; init; }

    /// <summary>Tile grid origin on the reference grid (YTOsiz).</summary>
    public int TileOriginY { get; init; }

    /// <summary>Nominal tile width (XTsiz).</summary>
    public required int TileWidth { get; init; }

    /// <summary>Nominal tile height (YTsiz).</summary>
    public required int TileHeight { get; init; }

    /// <summary>Number of tile columns.</summary>
    public required int TileColumns { get; init; }

    /// <summary>Number of tile rows.</summary>
    public required int TileRows { get; init; }

    /// <summary>Number of quality layers.</summary>
    public required int QualityLayers { get; init; }

    /// <summary>The default progression order (COD marker).</summary>
    public required Jpeg2000ProgressionOrder ProgressionOrder { get; init; }

    /// <summary>True when the default tile-component uses the reversible 5/3 wavelet (lossless-capable).</summary>
    public required bool IsReversible { get; init; }

    /// <summary>True when code-blocks use the High-Throughput block coder of JPEG 2000 Part 15 (HTJ2K) in any component.</summary>
    public bool IsHighThroughput { get; init; }

    /// <summary>Tile columns times tile rows.</summary>
    public int TileCount => TileColumns * TileRows;

    /// <summary>The facts the IIIF layer needs. A single-tile image reports no native tile size (its one tile is the
    /// whole image, which says nothing useful to a tiling client); fewer than three colour channels is greyscale.</summary>
    public ImageInfo ToImageInfo()
    {
        var tileSize = TileCount > 1 ? new PixelSize(TileWidth, TileHeight) : (PixelSize?)null;
        return new ImageInfo(Width, Height, ResolutionLevels, tileSize, IsGrayscale: ColorChannels < 3);
    }
}
