using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>Shared images, limits and one-line planning for the planner tests.</summary>
internal static class Plans
{
    /// <summary>The validator's test image size.</summary>
    public static ImageInfo Square1000 { get; } = new(1000, 1000, 1, null, false);

    public static ImageInfo Landscape1000x800 { get; } = new(1000, 800, 1, null, false);

    /// <summary>No limits, upscaling on (sizeAboveFull / sizeUpscaling offered).</summary>
    public static ServerLimits Upscaling { get; } = new(null, null, null, true, null);

    public static ServerLimits NoUpscaling { get; } = ServerLimits.Unlimited;

    public static ImageInfo Image(int width, int height, int levels = 1) => new(width, height, levels, null, false);

    public static Result<RenderPlan> V2(string tail, ImageInfo? info = null, ServerLimits? limits = null) =>
        Plan(ApiVersion.V2, tail, info, limits);

    public static Result<RenderPlan> V3(string tail, ImageInfo? info = null, ServerLimits? limits = null) =>
        Plan(ApiVersion.V3, tail, info, limits);

    public static Result<RenderPlan> Plan(ApiVersion version, string tail, ImageInfo? info = null, ServerLimits? limits = null) =>
        RenderPlanner.Plan(RequestBuilder.Build(version, tail), info ?? Square1000, limits ?? NoUpscaling);

    /// <summary>Plans and insists on success, so a test failure names the error.</summary>
    public static RenderPlan Ok(this Result<RenderPlan> result)
    {
        Assert.That(result.IsSuccess, Is.True, () => $"Expected a plan, got {result}");
        return result.Value!;
    }

    /// <summary>The HTTP status of a failed plan (or 200 for a plan), for table-driven status checks.</summary>
    public static int Status(this Result<RenderPlan> result) => result.IsSuccess ? 200 : result.Error.StatusCode;

    /// <summary>The scaled size as "WxH", or the status code as text, for compact expectations.</summary>
    public static string Scaled(this Result<RenderPlan> result) =>
        result.IsSuccess ? result.Value!.ScaledSize.ToString() : result.Error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
