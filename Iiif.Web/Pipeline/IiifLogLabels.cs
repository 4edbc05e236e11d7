using Iiif.Caching.Derivatives;
using Iiif.Core.Requests;
using Iiif.Web.Logging;

namespace Iiif.Web.Pipeline;

/// <summary>The request-log labels of IIIF requests, set in one place: the old server's keys <c>route</c>
/// (info, image, redirect), <c>res</c> (info or image on success, else the status) and, for images, <c>cache</c>,
/// <c>found</c> and the <c>tier</c> that served it, with its Debug lines naming the canonical request (<c>img</c>).</summary>
internal static class IiifLogLabels
{
    /// <summary>Labels a finished request by the URI form it had (null when the path had none) and its outcome.</summary>
    public static void Request(HttpContext context, IiifPathKind? kind, IiifOutcome outcome)
    {
        context.SetLogRoute(kind switch
        {
            IiifPathKind.Info => LogValues.Info,
            IiifPathKind.Image => LogValues.Image,
            IiifPathKind.Base => LogValues.Redirect,
            _ => LogValues.Iiif,
        });
        switch (outcome)
        {
            case IiifOutcome.Info:
                context.SetLogResult(LogValues.Info);
                break;
            case IiifOutcome.Image:
                context.SetLogResult(LogValues.Image);
                break;
        }
    }

    /// <summary>Labels an image request with the tier that answered it; a fresh render is a miss and a write.</summary>
    public static void Cache(HttpContext context, ILogger logger, PreparedImage image, CacheTier tier)
    {
        var found = tier.IsHit ? LogValues.Hit : LogValues.Miss;
        context.SetLogCache(LogValues.Image, found, tier.Name);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var img = image.Identifier + "/" + image.Planned.CanonicalTail;
            Log.CacheLookup(logger, LogValues.Image, found, img);
            if (!tier.IsHit)
            {
                Log.CacheStore(logger, LogValues.Image, LogValues.Write, img);
            }
        }
    }
}
