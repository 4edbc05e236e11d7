namespace Iiif.Web.Logging;

/// <summary>Lets handlers label their request's log line: <c>HttpContext.SetLogResult(LogValues.Image)</c>.</summary>
internal static class HttpContextLogExtensions
{
    public static void SetLogResult(this HttpContext context, string result)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestLogFeature>() is { } feature)
        {
            feature.Result = result;
        }
    }

    public static void SetLogRoute(this HttpContext context, string route)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestLogFeature>() is { } feature)
        {
            feature.Route = route;
        }
    }

    public static void SetLogCache(this HttpContext context, string cache, string found, string tier)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestLogFeature>() is { } feature)
        {
            feature.Cache = cache;
            feature.Found = found;
            feature.Tier = tier;
        }
    }
}
