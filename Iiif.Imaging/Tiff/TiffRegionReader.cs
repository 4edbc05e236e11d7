using System.Buffers;
using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>Assembles a region at a reduction from the blocks of the level that serves it: a stored level's pixels are
/// copied as they are; a reduction between or below the stored levels averages 2^k x 2^k pixels of the nearest finer
/// level while its blocks are read, one band of output rows at a time, so memory follows the output, not the source.</summary>
/// <remarks>Output pixel i at reduction r covers level pixels [i·f, (i+1)·f) with f = 2^(r - level), its span starting at
/// ceil(x / 2^r) as in <c>ReductionFactor</c>. Should the requested size reach past the level (a plan made without the
/// level's real size), the last pixel is repeated rather than failing.</remarks>
internal static class TiffRegionReader
{
    /// <summary>Level pixels one region may average down: a thumbnail of a single-level TIFF averages the whole image, and
    /// beyond this that is refused (the file wants a pyramid) rather than keeping a render slot busy for minutes.</summary>
    private const long MaxSourcePixels = 1L << 31;

    /// <summary>Reads <paramref name="region"/> (full-resolution pixels) at <paramref name="reduction"/> into a new image
    /// of exactly <paramref name="size"/>. <paramref name="deep"/> keeps 16-bit samples (only at a stored level).</summary>
    public static Image Read(
        TiffFacts facts, PixelRect region, int reduction, PixelSize size, ITiffBlockSource blocks, bool deep,
        Configuration configuration, CancellationToken cancellationToken)
    {
        var level = facts.LevelFor(reduction);
        var directory = level.Directory;
        var factor = 1 << (reduction - level.Reduction);
        var x = Span(CeilShift(region.X, reduction), size.Width, factor, directory.Width);
        var y = Span(CeilShift(region.Y, reduction), size.Height, factor, directory.Height);
        var window = new Window(x, y, factor, directory.Width, directory.Height);
        var sourcePixels = (long)(window.SourceRight - window.SourceX) * (window.SourceBottom - window.SourceY);
        if (factor > 1 && sourcePixels > MaxSourcePixels)
        {
            throw new SourceTooLargeException($"The region needs {sourcePixels} pixels of a TIFF level read; at most {MaxSourcePixels} are. Store the TIFF as a pyramid (iiif convert).");
        }

        var output = TiffBlockDecoder.CreateImage(directory.Layout, size.Width, size.Height, deep && factor == 1, configuration);
        try
        {
            if (factor == 1)
            {
                Copy(level, window, blocks, output, cancellationToken);
            }
            else
            {
                Average(level, window, blocks, output, cancellationToken);
            }

            RepeatEdges(output, x.Valid, y.Valid);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static void Copy(TiffLevel level, Window window, ITiffBlockSource blocks, Image output, CancellationToken cancellationToken)
    {
        var bpp = PixelRows.BytesPerPixel(output);
        foreach (var (index, bounds, part, whole) in Blocks(level.Directory, window))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var block = blocks.Get(level, index, whole);
            for (var row = part.Y; row < part.Bottom; row++)
            {
                PixelRows.Row(block.Image, row - bounds.Y).Slice((part.X - bounds.X) * bpp, part.Width * bpp)
                    .CopyTo(PixelRows.Row(output, row - window.SourceY).Slice((part.X - window.SourceX) * bpp));
            }
        }
    }

    private static void Average(TiffLevel level, Window window, ITiffBlockSource blocks, Image output, CancellationToken cancellationToken)
    {
        var directory = level.Directory;
        var channels = PixelRows.BytesPerPixel(output);
        var width = window.X.Valid * channels;
        var sums = new Dictionary<int, uint[]>();
        try
        {
            var bandTop = -1;
            foreach (var (index, bounds, part, whole) in Blocks(directory, window))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (bounds.Y != bandTop)
                {
                    // A new row of blocks: every level row above it has been read.
                    Finish(sums, window, directory, output, channels, bounds.Y);
                    bandTop = bounds.Y;
                }

                using var block = blocks.Get(level, index, whole);
                for (var row = part.Y; row < part.Bottom; row++)
                {
                    var outRow = (row / window.Factor) - window.Y.Start;
                    if (!sums.TryGetValue(outRow, out var sum))
                    {
                        sum = ArrayPool<uint>.Shared.Rent(width);
                        Array.Clear(sum, 0, width);
                        sums[outRow] = sum;
                    }

                    var source = PixelRows.Row(block.Image, row - bounds.Y);
                    for (var px = part.X; px < part.Right; px++)
                    {
                        var target = ((px / window.Factor) - window.X.Start) * channels;
                        var from = (px - bounds.X) * channels;
                        for (var c = 0; c < channels; c++)
                        {
                            sum[target + c] += source[from + c];
                        }
                    }
                }
            }

            Finish(sums, window, directory, output, channels, int.MaxValue);
        }
        finally
        {
            foreach (var sum in sums.Values)
            {
                ArrayPool<uint>.Shared.Return(sum);
            }
        }
    }

    /// <summary>Writes out every output row whose source rows all lie above <paramref name="readBottom"/>.</summary>
    private static void Finish(Dictionary<int, uint[]> sums, Window window, TiffDirectory directory, Image output, int channels, int readBottom)
    {
        foreach (var outRow in sums.Keys.Order().ToList())
        {
            var top = (window.Y.Start + outRow) * window.Factor;
            var bottom = Math.Min(top + window.Factor, directory.Height);
            if (bottom > readBottom)
            {
                break;
            }

            var sum = sums[outRow];
            var target = PixelRows.Row(output, outRow);
            for (var i = 0; i < window.X.Valid; i++)
            {
                var left = (window.X.Start + i) * window.Factor;
                var count = (uint)((Math.Min(left + window.Factor, directory.Width) - left) * (bottom - top));
                for (var c = 0; c < channels; c++)
                {
                    target[(i * channels) + c] = (byte)((sum[(i * channels) + c] + (count / 2)) / count);
                }
            }

            sums.Remove(outRow);
            ArrayPool<uint>.Shared.Return(sum);
        }
    }

    /// <summary>The blocks overlapping the window's source span, row by row, with the part of each the window uses.</summary>
    private static IEnumerable<(int Index, PixelRect Bounds, PixelRect Part, bool Whole)> Blocks(TiffDirectory directory, Window window)
    {
        var span = new PixelRect(window.SourceX, window.SourceY, window.SourceRight - window.SourceX, window.SourceBottom - window.SourceY);
        for (var by = span.Y / directory.BlockHeight; by <= (span.Bottom - 1) / directory.BlockHeight; by++)
        {
            for (var bx = span.X / directory.BlockWidth; bx <= (span.Right - 1) / directory.BlockWidth; bx++)
            {
                var index = (by * directory.BlocksAcross) + bx;
                var bounds = directory.BlockBounds(index);
                var part = Intersect(bounds, span);
                yield return (index, bounds, part, part == bounds);
            }
        }
    }

    private static PixelRect Intersect(PixelRect a, PixelRect b)
    {
        var x = Math.Max(a.X, b.X);
        var y = Math.Max(a.Y, b.Y);
        return new PixelRect(x, y, Math.Min(a.Right, b.Right) - x, Math.Min(a.Bottom, b.Bottom) - y);
    }

    /// <summary>Copies the last valid column rightwards and the last valid row downwards.</summary>
    private static void RepeatEdges(Image output, int validWidth, int validHeight)
    {
        var bpp = PixelRows.BytesPerPixel(output);
        for (var y = 0; y < validHeight && validWidth < output.Width; y++)
        {
            var row = PixelRows.Row(output, y);
            var last = row.Slice((validWidth - 1) * bpp, bpp);
            for (var x = validWidth; x < output.Width; x++)
            {
                last.CopyTo(row[(x * bpp)..]);
            }
        }

        for (var y = validHeight; y < output.Height; y++)
        {
            PixelRows.Row(output, validHeight - 1).CopyTo(PixelRows.Row(output, y));
        }
    }

    /// <summary>One axis: output pixels from <paramref name="start"/> (at the reduction), how many the level can fill.</summary>
    private static AxisSpan Span(int start, int length, int factor, int levelLength)
    {
        var available = (int)(((long)levelLength + factor - 1) / factor);
        if (start >= available)
        {
            // Entirely past the level: render its last pixel and repeat it.
            start = available - 1;
        }

        return new AxisSpan(start, Math.Clamp(available - start, 1, length));
    }

    private static int CeilShift(int value, int shift) => (int)(((long)value + (1L << shift) - 1) >> shift);

    private readonly record struct AxisSpan(int Start, int Valid);

    /// <summary>The output pixels the level can fill, and the level pixels they come from.</summary>
    private readonly record struct Window(AxisSpan X, AxisSpan Y, int Factor, int LevelWidth, int LevelHeight)
    {
        public int SourceX => X.Start * Factor;

        public int SourceY => Y.Start * Factor;

        public int SourceRight => Math.Min((X.Start + X.Valid) * Factor, LevelWidth);

        public int SourceBottom => Math.Min((Y.Start + Y.Valid) * Factor, LevelHeight);
    }
}
