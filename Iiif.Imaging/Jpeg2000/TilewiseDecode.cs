using Iiif.Core.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>The fallback when a region decode fails: each tile the region touches is decoded on its own and the tiles
/// are put together. OpenJPEG fails a region decode of a truncated file even where the region's tiles are intact (it
/// cannot skip over the cut tile that follows them), while decoding one tile by its index works, and in non-strict mode
/// also yields what a cut tile still holds. A tile that is not in the file at all still fails, and with it the region.</summary>
internal static class TilewiseDecode
{
    /// <summary>Decodes <paramref name="area"/> tile by tile from <paramref name="stream"/> (the file starts at
    /// <paramref name="start"/>) after the region decode failed with <paramref name="regionFailure"/>; throws an
    /// <see cref="ImageDecodeException"/> with both reasons, naming the first tile that cannot be read.</summary>
    public static Image Decode(
        Stream stream, long start, Jpeg2000Container container, Jpeg2000Facts facts, DecodeArea area, Configuration configuration,
        ImageDecodeException regionFailure, CancellationToken cancellationToken)
    {
        Image? result = null;
        try
        {
            foreach (var (index, canvas) in TilesIn(facts, area.Canvas))
            {
                stream.Position = start;
                using var tile = DecodeTile(stream, container, facts, index, canvas, area.Reduce, configuration, regionFailure, cancellationToken);
                var offsetX = (int)DecodeArea.CeilDiv(canvas.X, 1L << area.Reduce) - area.OutputX;
                var offsetY = (int)DecodeArea.CeilDiv(canvas.Y, 1L << area.Reduce) - area.OutputY;
                result ??= Blank(tile, area.OutputSize, configuration);
                Paste(tile, result, offsetX, offsetY);
            }

            return result ?? throw new ImageDecodeException("No JPEG 2000 tile lies in the requested region.");
        }
        catch
        {
            result?.Dispose();
            throw;
        }
    }

    /// <summary>(tile index, the tile's part of the image on the reference grid) of every tile overlapping <paramref name="canvas"/>.</summary>
    internal static IEnumerable<(int Index, PixelRect Canvas)> TilesIn(Jpeg2000Facts facts, PixelRect canvas)
    {
        long imageX1 = facts.OriginX + facts.Width, imageY1 = facts.OriginY + facts.Height;
        var firstColumn = Math.Max(0, (canvas.X - facts.TileOriginX) / facts.TileWidth);
        var lastColumn = Math.Min(facts.TileColumns - 1, (canvas.Right - 1 - facts.TileOriginX) / facts.TileWidth);
        var firstRow = Math.Max(0, (canvas.Y - facts.TileOriginY) / facts.TileHeight);
        var lastRow = Math.Min(facts.TileRows - 1, (canvas.Bottom - 1 - facts.TileOriginY) / facts.TileHeight);
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                var x0 = Math.Max((long)facts.TileOriginX + ((long)column * facts.TileWidth), facts.OriginX);
                var y0 = Math.Max((long)facts.TileOriginY + ((long)row * facts.TileHeight), facts.OriginY);
                var x1 = Math.Min((long)facts.TileOriginX + ((long)(column + 1) * facts.TileWidth), imageX1);
                var y1 = Math.Min((long)facts.TileOriginY + ((long)(row + 1) * facts.TileHeight), imageY1);
                yield return ((row * facts.TileColumns) + column, new PixelRect((int)x0, (int)y0, (int)(x1 - x0), (int)(y1 - y0)));
            }
        }
    }

    private static Image DecodeTile(
        Stream stream, Jpeg2000Container container, Jpeg2000Facts facts, int index, PixelRect canvas, int reduce,
        Configuration configuration, ImageDecodeException regionFailure, CancellationToken cancellationToken)
    {
        using var session = OpjDecodeSession.Open(stream, container, cancellationToken, strict: false);
        try
        {
            session.DecodeTile(index, reduce);
        }
        catch (ImageDecodeException e)
        {
            throw new ImageDecodeException(
                $"{regionFailure.Message}; tile {index} (of {facts.TileCount}) alone cannot be decoded either ({e.Message}), so "
                + "this region cannot be served: the file is probably truncated or damaged there",
                [.. regionFailure.DecoderMessages, .. e.DecoderMessages], e) { RegionOnly = true };
        }

        var scale = 1L << reduce;
        var outputX = (int)DecodeArea.CeilDiv(canvas.X, scale);
        var outputY = (int)DecodeArea.CeilDiv(canvas.Y, scale);
        var size = new PixelSize(
            (int)DecodeArea.CeilDiv(canvas.Right, scale) - outputX, (int)DecodeArea.CeilDiv(canvas.Bottom, scale) - outputY);
        unsafe
        {
            return DecodedImageConverter.ToImage(session.Image, new DecodeArea(canvas, reduce, outputX, outputY, size), configuration);
        }
    }

    private static Image Blank(Image like, PixelSize size, Configuration configuration)
    {
        Image blank = like switch
        {
            Image<L8> => new Image<L8>(configuration, size.Width, size.Height),
            Image<La16> => new Image<La16>(configuration, size.Width, size.Height),
            Image<Rgb24> => new Image<Rgb24>(configuration, size.Width, size.Height),
            _ => new Image<Rgba32>(configuration, size.Width, size.Height),
        };
        blank.Metadata.IccProfile = like.Metadata.IccProfile?.DeepClone();
        return blank;
    }

    private static void Paste(Image tile, Image target, int offsetX, int offsetY)
    {
        switch (tile, target)
        {
            case (Image<L8> source, Image<L8> destination):
                Paste(source, destination, offsetX, offsetY);
                break;
            case (Image<La16> source, Image<La16> destination):
                Paste(source, destination, offsetX, offsetY);
                break;
            case (Image<Rgb24> source, Image<Rgb24> destination):
                Paste(source, destination, offsetX, offsetY);
                break;
            case (Image<Rgba32> source, Image<Rgba32> destination):
                Paste(source, destination, offsetX, offsetY);
                break;
            default:
                throw new ImageDecodeException("The JPEG 2000 tiles decoded to different pixel types.");
        }
    }

    /// <summary>Copies the part of <paramref name="source"/> that falls inside <paramref name="target"/> when its top-left
    /// corner is placed at (<paramref name="offsetX"/>, <paramref name="offsetY"/>).</summary>
    private static void Paste<TPixel>(Image<TPixel> source, Image<TPixel> target, int offsetX, int offsetY)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var fromX = Math.Max(0, -offsetX);
        var toX = Math.Min(source.Width, target.Width - offsetX);
        for (var y = Math.Max(0, -offsetY); y < Math.Min(source.Height, target.Height - offsetY) && toX > fromX; y++)
        {
            source.DangerousGetPixelRowMemory(y).Span[fromX..toX]
                .CopyTo(target.DangerousGetPixelRowMemory(y + offsetY).Span[(fromX + offsetX)..]);
        }
    }
}
