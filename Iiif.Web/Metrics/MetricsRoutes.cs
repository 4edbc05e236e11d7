using Iiif.Web.Logging;

namespace Iiif.Web.Metrics;

/// <summary>The <c>route</c> label of a request: few, fixed values, so the number of series stays small whatever URLs
/// clients send (an identifier or a path in a label would grow without bound).</summary>
internal static class MetricsRoutes
{
    public const string Info = "iiif_info";
    public const string Image = "iiif_image";
    public const string Redirect = "iiif_redirect";

    /// <summary>A request under the IIIF prefix that failed before it was known to be info, image or redirect.</summary>
    public const string Iiif = "iiif";

    public const string Viewer = "viewer";
    public const string Admin = "admin";
    public const string Health = "health";
    public const string MetricsEndpoint = "metrics";
    public const string Other = "other";

    /// <summary>The label for a finished request: the IIIF controller's own route (from the request-log feature) when
    /// it set one, else the first path segment.</summary>
    public static string Classify(HttpContext context, string prefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Features.Get<RequestLogFeature>()?.Route)
        {
            case LogValues.Info:
                return Info;
            case LogValues.Image:
                return Image;
            case LogValues.Redirect:
                return Redirect;
        }

        var path = context.Request.Path;
        return path.StartsWithSegments("/viewer", StringComparison.OrdinalIgnoreCase) ? Viewer
            : path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) ? Admin
            : path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? Health
            : path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase) ? MetricsEndpoint
            : IsUnderPrefix(path, prefix) ? Iiif
            : Other;
    }

    private static bool IsUnderPrefix(PathString path, string prefix) =>
        prefix.Length == 0 || path.StartsWithSegments("/" + prefix, StringComparison.OrdinalIgnoreCase);
}
