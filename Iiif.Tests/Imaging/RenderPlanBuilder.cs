using Iiif.Core.Geometry;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Imaging;

/// <summary>Builds <see cref="RenderPlan"/> values directly, so transform and encoder tests need no planner. Sizes not
/// set explicitly follow the plan's rules: decoded = region at the reduction, scaled = decoded, output = the tight
/// bounding box of the rotation (https://iiif.io/api/image/3.0/#43-rotation), rounded to the nearest pixel.</summary>
internal sealed class RenderPlanBuilder
{
    private PixelRect _region;
    private ReductionFactor _reduction = ReductionFactor.None;
    private PixelSize? _scaled;
    private PixelSize? _output;
    private bool _mirror;
    private decimal _degrees;
    private ImageQuality _quality = ImageQuality.Default;
    private ImageFormat _format = ImageFormat.Png;
    private ImageInfo? _levels;

    private RenderPlanBuilder(PixelRect region) => _region = region;

    public static RenderPlanBuilder ForImage(int width, int height) => new(new PixelRect(0, 0, width, height));

    public static RenderPlanBuilder ForRegion(int x, int y, int width, int height) => new(new PixelRect(x, y, width, height));

    public RenderPlanBuilder ReducedBy(int level)
    {
        _reduction = new ReductionFactor(level);
        return this;
    }

    public RenderPlanBuilder ScaledTo(int width, int height)
    {
        _scaled = new PixelSize(width, height);
        return this;
    }

    /// <summary>Sizes the decoded region with the source's own level sizes (a TIFF pyramid), as the planner does.</summary>
    public RenderPlanBuilder OnLevelsOf(ImageInfo info)
    {
        _levels = info;
        return this;
    }

    public RenderPlanBuilder Mirrored(bool mirror = true)
    {
        _mirror = mirror;
        return this;
    }

    public RenderPlanBuilder Rotated(decimal degrees)
    {
        _degrees = degrees;
        return this;
    }

    /// <summary>Overrides the computed output size, to build an inconsistent plan.</summary>
    public RenderPlanBuilder WithOutputSize(int width, int height)
    {
        _output = new PixelSize(width, height);
        return this;
    }

    public RenderPlanBuilder WithQuality(ImageQuality quality)
    {
        _quality = quality;
        return this;
    }

    public RenderPlanBuilder As(ImageFormat format)
    {
        _format = format;
        return this;
    }

    public RenderPlan Build()
    {
        var decoded = _levels?.ReducedSize(_region, _reduction) ?? _reduction.ReducedSize(_region);
        var scaled = _scaled ?? decoded;
        var output = _output ?? BoundingBox(scaled, _degrees);
        var request = new ImageRequest(
            ApiVersion.V3,
            new ImageIdentifier("test"),
            RegionParameter.Full,
            SizeParameter.Max,
            new RotationParameter(_degrees, _mirror),
            _quality,
            _format);
        return new RenderPlan(request, _region, _reduction, decoded, scaled, _mirror, _degrees, output, _quality, _format,
            IsFullRegion: false, MaxSize: decoded);
    }

    /// <summary>W = |w cos| + |h sin|, H = |h cos| + |w sin| (https://iiif.io/api/image/3.0/#43-rotation); right angles exactly.</summary>
    public static PixelSize BoundingBox(PixelSize size, decimal degrees)
    {
        if (degrees % 90m == 0m)
        {
            return degrees % 180m == 0m ? size : new PixelSize(size.Height, size.Width);
        }

        var radians = (double)degrees * Math.PI / 180.0;
        var cos = Math.Abs(Math.Cos(radians));
        var sin = Math.Abs(Math.Sin(radians));
        var width = (int)Math.Round((size.Width * cos) + (size.Height * sin));
        var height = (int)Math.Round((size.Height * cos) + (size.Width * sin));
        return new PixelSize(Math.Max(1, width), Math.Max(1, height));
    }
}
