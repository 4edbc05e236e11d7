using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Where to decode and what to output for one request.</summary>
/// <param name="Canvas">The area passed to opj_set_decode_area (reference grid, full-resolution coordinates): the
/// requested region, widened where needed so every component has the samples the output pixels use, and for HTJ2K to
/// whole tiles.</param>
/// <param name="Reduce">The resolution reduction r.</param>
/// <param name="OutputX">Left edge of the output on the reduced reference grid.</param>
/// <param name="OutputY">Top edge of the output on the reduced reference grid.</param>
/// <param name="OutputSize">The output image's size.</param>
internal readonly record struct DecodeArea(PixelRect Canvas, int Reduce, int OutputX, int OutputY, PixelSize OutputSize)
{
    /// <summary>Computes the area for <paramref name="region"/> (relative to the image's top-left corner) at
    /// <paramref name="reduce"/>.</summary>
    /// <remarks>
    /// <para>Output: a span [x0, x1) of the reference grid maps to [ceil(x0/2^r), ceil(x1/2^r)) at level r (ISO 15444-1
    /// B.5). A region too small to contain a reduced pixel gets the next one (or the previous one at the image's edge)
    /// instead of failing: OpenJPEG refuses empty components.</para>
    /// <para>Decode area: output pixel g uses sample floor(g/d) of a component subsampled by d, which sits at
    /// floor(g/d)·d·2^r on the grid, left of the region when g is not a multiple of d; the area starts early enough to
    /// include it, and ends late enough that every component has at least one sample.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The reduction is not below the resolution levels, or the region
    /// does not overlap the image.</exception>
    public static DecodeArea Compute(Jpeg2000Facts facts, PixelRect region, int reduce)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reduce);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reduce, facts.ResolutionLevels);

        var x0 = Math.Max(region.X, 0);
        var y0 = Math.Max(region.Y, 0);
        var x1 = (int)Math.Min((long)region.X + region.Width, facts.Width);
        var y1 = (int)Math.Min((long)region.Y + region.Height, facts.Height);
        if (region.Width <= 0 || region.Height <= 0 || x1 <= x0 || y1 <= y0)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, "The region does not overlap the image.");
        }

        var subsamplingX = facts.Components.Select(c => Math.Max(c.Dx, 1)).Distinct().ToArray();
        var subsamplingY = facts.Components.Select(c => Math.Max(c.Dy, 1)).Distinct().ToArray();
        var (outX0, outX1, canvasX0, canvasX1) = Axis(facts.OriginX + x0, facts.OriginX + x1, facts.OriginX, facts.OriginX + facts.Width, reduce, subsamplingX);
        var (outY0, outY1, canvasY0, canvasY1) = Axis(facts.OriginY + y0, facts.OriginY + y1, facts.OriginY, facts.OriginY + facts.Height, reduce, subsamplingY);
        if (facts.IsHighThroughput)
        {
            // OpenJPEG 2.5.0 decodes HT code-blocks wrongly when the decode area cuts through a tile (its own
            // opj_decompress -d shows it); whole tiles come out right, so the area covers every tile it touches.
            (canvasX0, canvasX1) = WholeTiles(canvasX0, canvasX1, facts.TileOriginX, facts.TileWidth, facts.OriginX, facts.OriginX + facts.Width);
            (canvasY0, canvasY1) = WholeTiles(canvasY0, canvasY1, facts.TileOriginY, facts.TileHeight, facts.OriginY, facts.OriginY + facts.Height);
        }
        return new DecodeArea(
            new PixelRect((int)canvasX0, (int)canvasY0, (int)(canvasX1 - canvasX0), (int)(canvasY1 - canvasY0)),
            reduce,
            (int)outX0,
            (int)outY0,
            new PixelSize((int)(outX1 - outX0), (int)(outY1 - outY0)));
    }

    /// <summary>The span [a, b) widened to the edges of the tiles it touches (ISO 15444-1 B.3), within the image.</summary>
    private static (long Start, long End) WholeTiles(long a, long b, int tileOrigin, int tileSize, long low, long high)
    {
        if (tileSize <= 0)
        {
            return (low, high);
        }

        var first = (a - tileOrigin) / tileSize;
        var last = (b - 1 - tileOrigin) / tileSize;
        return (Math.Max(low, tileOrigin + (first * tileSize)), Math.Min(high, tileOrigin + ((last + 1) * tileSize)));
    }

    /// <summary>ceil(value / divisor) for non-negative values.</summary>
    public static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;

    /// <summary>One axis: the requested span [a, b) inside the image span [low, high) of the reference grid.</summary>
    private static (long Out0, long Out1, long Canvas0, long Canvas1) Axis(long a, long b, long low, long high, int reduce, int[] subsampling)
    {
        var scale = 1L << reduce;
        long out0 = CeilDiv(a, scale), out1 = CeilDiv(b, scale);
        if (out0 == out1)
        {
            if (out0 < CeilDiv(high, scale))
            {
                out1++;
            }
            else
            {
                out0--;
            }
        }

        if (out0 < CeilDiv(low, scale))
        {
            throw new ArgumentOutOfRangeException(nameof(reduce), "The image is too small to decode at this reduction.");
        }

        // Start at the leftmost sample any component needs, end past the last output pixel.
        var canvas0 = Math.Max(low, subsampling.Aggregate(Math.Min(a, out0 * scale), (min, d) => Math.Min(min, out0 / d * d * scale)));
        var canvas1 = Math.Max(b, ((out1 - 1) * scale) + 1);

        // Every component needs a sample inside the area (its samples sit on multiples of d * 2^r).
        foreach (var d in subsampling)
        {
            var firstSample = CeilDiv(canvas0, d * scale) * d * scale;
            canvas1 = Math.Max(canvas1, firstSample + 1);
        }

        if (canvas1 > high)
        {
            throw new ArgumentOutOfRangeException(nameof(reduce), "The image is too small to decode at this reduction.");
        }

        return (out0, out1, canvas0, canvas1);
    }
}
