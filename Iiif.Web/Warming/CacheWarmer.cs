using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Logging;
using Iiif.Web.Pipeline;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Warming;

/// <summary>Pre-renders one identifier: clears what cache.warm.clearWith says, then fetches its info and every profile
/// tail through <see cref="IImagePipeline"/>, exactly as client requests would, so the cache holds what clients will ask
/// for. Unlike the old server it makes no loopback HTTP calls, so scheme, host and proxies cannot get in the way.</summary>
internal sealed class CacheWarmer(
    IImagePipeline pipeline,
    IDerivativeCache derivatives,
    IInfoCache infos,
    IOptions<CachingOptions> cache,
    IOptions<ProfilesOptions> profiles,
    IOptions<ServerOptions> server,
    ILogger<CacheWarmer> logger)
{
    public const string ClearById = "id";
    public const string ClearProfiles = "profile";
    public const string ClearNothing = "none";

    /// <summary>Every configured profile: name to tail.</summary>
    public IReadOnlyDictionary<string, string> Profiles => profiles.Value.Tails;

    /// <summary>The API version profile tails are read in: server.defaultVersion, as an unversioned request would be.</summary>
    public ApiVersion Version => server.Value.DefaultVersion == 2 ? ApiVersion.V2 : ApiVersion.V3;

    /// <summary>cache.warm.clearWith: id, profile or none.</summary>
    public string ClearWith => cache.Value.Warm.ClearWith;

    /// <summary>Warms every profile after clearing per cache.warm.clearWith.</summary>
    public Task<Result<WarmReport>> WarmAsync(string identifier, CancellationToken cancellationToken) =>
        WarmAsync(identifier, Profiles, ClearWith, cancellationToken);

    /// <summary>Clears per <paramref name="clearWith"/> (id, profile or none), then renders info and
    /// <paramref name="tails"/>. An identifier the pipeline cannot describe (404, 500) is the error; a failing tail is
    /// reported in its <see cref="WarmedTail"/> and the others still run. A tail larger than the image is skipped, and a
    /// render the cache could not store is a failure: warming exists to fill the cache.</summary>
    public async Task<Result<WarmReport>> WarmAsync(
        string identifier, IReadOnlyDictionary<string, string> tails, string clearWith, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(tails);
        var purged = await ClearAsync(identifier, clearWith, cancellationToken).ConfigureAwait(false);
        var info = await pipeline.GetInfoAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return info.Error;
        }

        var results = new List<WarmedTail>(tails.Count);
        foreach (var (name, tail) in tails.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            results.Add(ProfileTailCheck.ExceedsImage(Version, tail, info.Value!) is { } reason
                ? new WarmedTail(name, tail, StatusCodes.Status204NoContent, null, null, null) { Skipped = reason }
                : await WarmTailAsync(identifier, name, tail, cancellationToken).ConfigureAwait(false));
        }

        var report = new WarmReport(identifier, clearWith, purged, results);
        Log.CacheWarmed(logger, LogValues.Image, LogValues.Warm, identifier, purged, clearWith, report.Rendered, results.Count);
        return report;
    }

    private async Task<int> ClearAsync(string identifier, string clearWith, CancellationToken cancellationToken)
    {
        switch (clearWith)
        {
            case ClearById:
                // The old server deleted the identifier's whole folder, info.json included.
                var removed = await derivatives.PurgeAsync(identifier, profilesOnly: false, cancellationToken).ConfigureAwait(false);
                await infos.RemoveAsync(identifier, cancellationToken).ConfigureAwait(false);
                return removed;
            case ClearProfiles:
                return await derivatives.PurgeAsync(identifier, profilesOnly: true, cancellationToken).ConfigureAwait(false);
            case ClearNothing:
                return 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(clearWith), clearWith, "Expected id, profile or none.");
        }
    }

    private async Task<WarmedTail> WarmTailAsync(string identifier, string name, string tail, CancellationToken cancellationToken)
    {
        Result<CachedDerivative> result;
        try
        {
            result = await pipeline.GetImageAsync(Version, identifier, tail, isProfile: true, DerivativeCacheMode.Normal, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The pipeline answers client mistakes as values; anything thrown is a fault of this one render.
            result = new IiifError(IiifErrorKind.InternalError, null, $"unexpected {e.GetType().Name}: {e.Message}");
        }

        if (!result.IsSuccess)
        {
            var error = result.Error;
            Log.CacheWarmTailFailed(logger, LogValues.Image, LogValues.Warm, identifier, tail, error.StatusCode, error.ToString());
            return new WarmedTail(name, tail, error.StatusCode, null, null, error.ToString(), RetryAfterSeconds(error));
        }

        using var derivative = result.Value!;
        if (derivative.StoreFailed)
        {
            // Rendered for nothing: the next visitor renders it again. The disk tier logged why.
            return new WarmedTail(name, tail, StatusCodes.Status507InsufficientStorage, derivative.Length, derivative.Tier.Name,
                "rendered, but the cache could not store it (cache.root full or not writable; see the log)");
        }

        return new WarmedTail(name, tail, StatusCodes.Status200OK, derivative.Length, derivative.Tier.Name, null);
    }

    private static int? RetryAfterSeconds(IiifError error) =>
        error.RetryAfter is { } retryAfter ? (int)Math.Ceiling(retryAfter.TotalSeconds) : null;
}
