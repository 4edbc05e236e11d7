using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Splits a large decode into horizontal bands, each decoded by its own OpenJPEG session, so the codec's
/// working memory (four bytes per sample for the whole decode area, plus its tile buffers) is bounded by a band rather
/// than by the request: a 75-million-pixel area would otherwise hold about 900 MB of samples at once.</summary>
/// <remarks>Band edges sit on multiples of 2^reduce on the reference grid, so each band's output rows
/// (ceil(y / 2^r), ISO 15444-1 B.5) start exactly where the previous band's end, and together they are the rows a
/// single decode gives. On a tiled file the bands follow the tile rows where a tile row fits in a band, so no tile is
/// entered twice.</remarks>
internal static class DecodeBands
{
    /// <summary>Output pixels per band: about 50 MB of samples in OpenJPEG for three components.</summary>
    public const long DefaultBandPixels = 4L * 1024 * 1024;

    /// <summary>The regions (image coordinates, like <paramref name="region"/>) to decode one after the other; one
    /// region, the request itself, when <paramref name="area"/> is no more than two bands.</summary>
    public static IReadOnlyList<PixelRect> Split(Jpeg2000Facts facts, PixelRect region, DecodeArea area, long bandPixels = DefaultBandPixels)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (area.OutputSize.Area <= 2 * bandPixels || area.OutputSize.Height < 2)
        {
            return [region];
        }

        var rowsPerBand = (int)Math.Max(1, bandPixels / area.OutputSize.Width);
        var scale = 1L << area.Reduce;
        var tileRows = facts.TileRows > 1 ? (int)DecodeArea.CeilDiv(facts.TileHeight, scale) : 0;
        if (tileRows > 0 && tileRows <= rowsPerBand)
        {
            rowsPerBand = rowsPerBand / tileRows * tileRows;
        }

        var top = Math.Max(region.Y, 0);
        var bottom = (int)Math.Min((long)region.Y + region.Height, facts.Height);
        var bands = new List<PixelRect>();
        var start = top;
        // First output row of the next band, aligned to the tile grid when bands follow tile rows.
        var next = (long)area.OutputY + rowsPerBand;
        if (tileRows > 0 && tileRows <= rowsPerBand)
        {
            var tileOrigin = DecodeArea.CeilDiv(facts.TileOriginY, scale);
            next = tileOrigin + ((area.OutputY - tileOrigin) / tileRows * tileRows) + rowsPerBand;
        }

        while (true)
        {
            var edge = (next * scale) - facts.OriginY;
            if (edge >= bottom)
            {
                bands.Add(region with { Y = start, Height = bottom - start });
                return bands;
            }

            bands.Add(region with { Y = start, Height = (int)edge - start });
            start = (int)edge;
            next += rowsPerBand;
        }
    }
}
