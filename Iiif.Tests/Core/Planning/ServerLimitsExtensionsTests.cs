using Iiif.Core.Geometry;
using Iiif.Core.Planning;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class ServerLimitsExtensionsTests
{
    private static readonly PixelSize Region = new(7561, 5003);

    private static ServerLimits Limits(int? maxWidth, int? maxHeight, long? maxArea) => new(maxWidth, maxHeight, maxArea, false, null);

    [TestCase(null, null, null, 7561, 5003)]
    [TestCase(4000, null, null, 4000, 2647)]
    [TestCase(10000, 1000, null, 1511, 1000)]
    [TestCase(2000, null, null, 2000, 1323)]
    [TestCase(null, null, 1_000_000L, 1229, 813)]
    [TestCase(1000, null, 1_000_000L, 1000, 662)]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: within maxWidth, maxHeight (default maxWidth) and maxArea, keeping the aspect ratio; the free side "
        + "rounds to nearest, as the planner's max does: 5003*4000/7561 = 2646.8 -> 2647; 7561*1000/5003 = 1511.3 -> 1511")]
    public void MaxSize_Limits_ScaledDownKeepingAspect(int? maxWidth, int? maxHeight, long? maxArea, int w, int h)
    {
        var limits = Limits(maxWidth, maxHeight, maxArea);
        var size = limits.MaxSize(Region);
        Assert.That(size, Is.EqualTo(new PixelSize(w, h)));
        Assert.That(limits.Allows(size), Is.True);
    }

    [TestCase(1, 100_000, 10L)]
    [TestCase(99_999, 3, 7L)]
    [TestCase(12_345, 6_789, 1_000_003L)]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: the max size stays within the limits and is at least 1 px a side")]
    public void MaxSize_ExtremeAspect_WithinAreaAndPositive(int width, int height, long maxArea)
    {
        var size = Limits(null, null, maxArea).MaxSize(new PixelSize(width, height));
        Assert.That(size.Width, Is.GreaterThanOrEqualTo(1));
        Assert.That(size.Height, Is.GreaterThanOrEqualTo(1));
        Assert.That(size.Area, Is.LessThanOrEqualTo(maxArea));
    }

    [TestCase(4000, 4000, true)]
    [TestCase(4001, 10, false)]
    [TestCase(10, 4001, false)]
    [Description("https://iiif.io/api/image/3.0/#42-size: if only maxWidth is given, maxHeight is taken to equal it")]
    public void Allows_OnlyMaxWidth_HeightLimitedToo(int width, int height, bool expected)
    {
        Assert.That(Limits(4000, null, null).Allows(new PixelSize(width, height)), Is.EqualTo(expected));
    }

    [TestCase(1000, 1000, true)]
    [TestCase(1001, 1000, false)]
    [Description("https://iiif.io/api/image/3.0/#42-size: maxArea limits w x h")]
    public void Allows_MaxArea_Inclusive(int width, int height, bool expected)
    {
        Assert.That(Limits(null, null, 1_000_000).Allows(new PixelSize(width, height)), Is.EqualTo(expected));
    }
}
