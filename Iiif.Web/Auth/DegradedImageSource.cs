using System.Collections.Concurrent;
using System.Globalization;
using Iiif.Caching.Derivatives;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;
using Iiif.Web.Pipeline;

namespace Iiif.Web.Auth;

/// <summary>Wraps the image source so that {identifier}{auth.degradedSuffix} of a policy with degraded access resolves
/// to the degraded version (<see cref="DegradedImageHandle"/>): the original rendered once through the image pipeline
/// (as a profile derivative, so the cache tiers keep it and share it between instances) at the policy's size and
/// quality, as lossless PNG. Renditions are remembered per original version, up to <see cref="MemoryLimit"/> bytes.</summary>
internal sealed class DegradedImageSource(IImageSource inner, AccessRules rules, IServiceProvider services, ILogger<DegradedImageSource> logger)
    : IImageSource
{
    /// <summary>Bytes of renditions kept in memory; beyond it the memo starts again (renditions come back from the cache tiers).</summary>
    public const long MemoryLimit = 128L << 20;

    private readonly ConcurrentDictionary<string, (SourceVersion Original, byte[] Rendition)> _renditions = new(StringComparer.Ordinal);
    private long _bytes;

    public async ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken)
    {
        if (!rules.TryDegraded(identifier.Value, out var original, out var policy))
        {
            return await inner.ResolveAsync(identifier, cancellationToken).ConfigureAwait(false);
        }

        var originalIdentifier = ImageIdentifierParser.FromDecoded(original);
        var handle = originalIdentifier.IsSuccess ? await inner.ResolveAsync(originalIdentifier.Value, cancellationToken).ConfigureAwait(false) : null;
        if (handle is null)
        {
            return null;
        }

        if (!_renditions.TryGetValue(original, out var known) || known.Original != handle.Version)
        {
            known = (handle.Version, await RenderAsync(original, policy.Degraded!, cancellationToken).ConfigureAwait(false));
            Remember(original, known);
        }

        return new DegradedImageHandle(identifier, handle.Version, known.Rendition);
    }

    public IAsyncEnumerable<ImageIdentifier> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public IReadOnlyList<string> UnlistedRules => inner.UnlistedRules;

    /// <summary>The tail that renders the degraded version: 2.1 semantics, so !w,h never enlarges a smaller image.</summary>
    public static string RenditionTail(DegradedAccess degraded)
    {
        ArgumentNullException.ThrowIfNull(degraded);
        var size = degraded.MaxSize > 0 ? string.Create(CultureInfo.InvariantCulture, $"!{degraded.MaxSize},{degraded.MaxSize}") : "full";
        return $"/full/{size}/0/{(degraded.Gray ? "gray" : "default")}.png";
    }

    private async Task<byte[]> RenderAsync(string original, DegradedAccess degraded, CancellationToken cancellationToken)
    {
        // Resolved on first use: the pipeline itself depends on this source.
        var pipeline = services.GetRequiredService<IImagePipeline>();
        var result = await pipeline.GetImageAsync(ApiVersion.V2, original, RenditionTail(degraded), isProfile: true, DerivativeCacheMode.Normal, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Log.DegradedUnavailable(logger, original, result.Error.ToString());
            throw new InvalidOperationException($"The degraded version of '{original}' could not be made: {result.Error}");
        }

        using var derivative = result.Value!;
        if (derivative.File is null)
        {
            return derivative.Bytes.ToArray();
        }

        using var copy = new MemoryStream((int)derivative.Length);
        await derivative.File.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    private void Remember(string original, (SourceVersion, byte[] Rendition) entry)
    {
        if (Interlocked.Add(ref _bytes, entry.Rendition.LongLength) > MemoryLimit)
        {
            _renditions.Clear();
            Interlocked.Exchange(ref _bytes, entry.Rendition.LongLength);
        }

        _renditions[original] = entry;
    }
}
