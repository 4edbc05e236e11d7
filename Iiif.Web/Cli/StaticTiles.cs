using System.Globalization;
using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Web.Cli;

/// <summary>The URL tails a deep-zoom viewer asks a level 0 service for: every tile of every scale factor and every
/// <c>sizes</c> entry of the layout, as default.jpg. These are the forms OpenSeadragon (and so Mirador) request and
/// static tile layouts use: region <c>full</c> when a tile covers the whole image, else <c>x,y,w,h</c>; size <c>w,h</c>
/// (3.0) or <c>w,</c> (2.1), even where the canonical form (https://iiif.io/api/image/3.0/#48-canonical-uri-syntax) would be <c>max</c> or <c>full</c>, since a
/// static server cannot redirect one spelling to the other.</summary>
internal static class StaticTiles
{
    public static IReadOnlyList<string> Tails(ApiVersion version, ImageInfo info, PyramidLayout layout)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(layout);
        var tails = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scale in layout.ScaleFactors)
        {
            var stepX = (long)layout.TileSize.Width * scale;
            var stepY = (long)layout.TileSize.Height * scale;
            for (long y = 0; y < info.Height; y += stepY)
            {
                for (long x = 0; x < info.Width; x += stepX)
                {
                    var w = Math.Min(stepX, info.Width - x);
                    var h = Math.Min(stepY, info.Height - y);
                    var whole = x == 0 && y == 0 && w == info.Width && h == info.Height;
                    var region = whole ? "full" : Invariant($"{x},{y},{w},{h}");
                    Add(tails, seen, Tail(version, region, CeilDiv(w, scale), CeilDiv(h, scale)));
                }
            }
        }

        foreach (var size in layout.Sizes)
        {
            Add(tails, seen, Tail(version, "full", size.Width, size.Height));
        }

        return tails;
    }

    private static string Tail(ApiVersion version, string region, long width, long height) => version == ApiVersion.V2
        ? Invariant($"/{region}/{width},/0/default.jpg")
        : Invariant($"/{region}/{width},{height}/0/default.jpg");

    private static void Add(List<string> tails, HashSet<string> seen, string tail)
    {
        if (seen.Add(tail))
        {
            tails.Add(tail);
        }
    }

    private static long CeilDiv(long value, int divisor) => (value + divisor - 1) / divisor;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
