using System.Runtime.CompilerServices;
using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Microsoft.Extensions.Logging;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>The source of one http or s3 rule: an identifier becomes a location through the rule's template, its version
/// comes from the upstream (trusted for <see cref="SourceRuleOptions.VersionCheckSeconds"/>), and its bytes come through
/// the shared <see cref="RangeCache"/>.</summary>
internal sealed class RemoteImageSource : IImageSource
{
    private const int RememberedVersions = 10_000;

    private readonly SourceRule _rule;
    private readonly ICache<string, SourceVersion>? _versions;
    private readonly ILogger _logger;
    private readonly RuleCounters _counters;

    public RemoteImageSource(
        SourceRule rule, string kind, IRemoteStore store, RangeCache cache, ReadPlanCache plans, RuleCounters counters, TimeSpan versionReuse,
        ILogger logger)
    {
        _counters = counters;
        _rule = rule;
        Kind = kind;
        Store = store;
        Cache = cache;
        Plans = plans;
        _logger = logger;
        _versions = versionReuse > TimeSpan.Zero
            ? new ConcurrentLruBuilder<string, SourceVersion>()
                .WithCapacity(RememberedVersions)
                .WithKeyComparer(StringComparer.Ordinal)
                .WithExpireAfterWrite(versionReuse)
                .Build()
            : null;
    }

    /// <summary>http or s3.</summary>
    public string Kind { get; }

    /// <summary>The rule's name.</summary>
    public string Rule => _rule.Name;

    public IRemoteStore Store { get; }

    public RangeCache Cache { get; }

    public ReadPlanCache Plans { get; }

    /// <summary>True when the store can list what it holds.</summary>
    public bool CanList => Store.ListPaths(CancellationToken.None) is not null && _rule.Prefix is not null;

    /// <inheritdoc/>
    /// <exception cref="SourceUnavailableException">The upstream refused, failed or did not answer in time.</exception>
    public async ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(identifier.Value) || _rule.Match(identifier.Value) is not { } values)
        {
            return null;
        }

        string location;
        try
        {
            location = Store.Locate(values);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (_versions is null || !_versions.TryGet(location, out var version))
        {
            try
            {
                if (await Store.StatAsync(location, cancellationToken).ConfigureAwait(false) is not { } found)
                {
                    return null;
                }

                version = found;
            }
            catch (SourceUnavailableException e)
            {
                Failed(location, e);
                throw;
            }

            _versions?.AddOrUpdate(location, version);
        }

        return new RemoteSourceHandle(identifier, version, this, location);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ImageIdentifier> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_rule.Prefix is null || Store.ListPaths(cancellationToken) is not { } paths)
        {
            yield break;
        }

        await foreach (var path in paths.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (ImageIdentifierParser.FromDecoded(_rule.Prefix + path) is { IsSuccess: true } parsed)
            {
                yield return parsed.Value;
            }
        }
    }

    /// <summary>Forgets the version of <paramref name="location"/> after a failure (a changed object is stat'ed afresh by
    /// the next request) and logs it under the rule's name, never with credentials.</summary>
    internal void Failed(string location, SourceUnavailableException failure)
    {
        _versions?.TryRemove(location);
        _counters.CountFailure(failure.Failure);
        Log.RemoteSourceFailed(_logger, Rule, failure.Failure.ToString(), failure.Message);
    }
}
