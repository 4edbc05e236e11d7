using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

[TestFixture]
public class StaticTilesTests
{
    private static readonly ImageInfo Wide = new(1000, 800, 3, null, IsGrayscale: false);

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/ level 0: every tile of every scale factor as viewers request it (region full for a whole-image tile, w,h sizes)")]
    public void Tails_V3_EveryTileAndSizeAsViewersRequest()
    {
        var layout = TileCalculator.Layout(Wide, ServerLimits.Unlimited, 512);

        var tails = StaticTiles.Tails(ApiVersion.V3, Wide, layout);

        Assert.That(layout.ScaleFactors, Is.EqualTo(new[] { 1, 2, 4 }));
        Assert.That(tails, Is.SupersetOf(new[]
        {
            "/0,0,512,512/512,512/0/default.jpg",
            "/512,512,488,288/488,288/0/default.jpg",
            "/full/500,400/0/default.jpg",
            "/full/250,200/0/default.jpg",
            "/full/1000,800/0/default.jpg",
        }));
        // 4 tiles at scale 1, one whole-image tile each at 2 and 4 (the same as two sizes entries), plus the full size.
        Assert.That(tails, Has.Count.EqualTo(7));
        Assert.That(tails, Is.Unique);
    }

    [Test]
    [Description("2.1: viewers request w, sizes, also for unscaled tiles")]
    public void Tails_V2_UsesWidthOnlySizes()
    {
        var layout = TileCalculator.Layout(Wide, ServerLimits.Unlimited, 512);

        var tails = StaticTiles.Tails(ApiVersion.V2, Wide, layout);

        Assert.That(tails, Does.Contain("/0,0,512,512/512,/0/default.jpg"));
        Assert.That(tails, Does.Contain("/full/500,/0/default.jpg"));
        Assert.That(tails, Does.Contain("/full/1000,/0/default.jpg"));
    }

    [Test]
    public void Tails_TileSizeFromLayout_CoversImageAtScaleOne()
    {
        var info = new ImageInfo(333, 217, 4, new PixelSize(64, 64), IsGrayscale: false);
        var layout = TileCalculator.Layout(info, ServerLimits.Unlimited, 512);

        var tails = StaticTiles.Tails(ApiVersion.V3, info, layout);

        var columns = (333 + layout.TileSize.Width - 1) / layout.TileSize.Width;
        var rows = (217 + layout.TileSize.Height - 1) / layout.TileSize.Height;
        var scaleOne = tails.Count(t => t.EndsWith("/0/default.jpg", StringComparison.Ordinal)
            && t.Split('/')[1] != "full" && t.Split('/')[1].Split(',')[2] == t.Split('/')[2].Split(',')[0]);
        Assert.That(scaleOne, Is.EqualTo(columns * rows));
    }
}
