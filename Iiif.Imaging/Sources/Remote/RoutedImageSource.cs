using System.Runtime.CompilerServices;
using Iiif.Core.Identifiers;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>The server's <see cref="IImageSource"/> when source rules are configured: the first rule whose prefix or
/// regular expression matches an identifier serves it; an identifier no rule matches goes to the image folder.</summary>
internal sealed class RoutedImageSource : IImageSource
{
    private readonly IReadOnlyList<(SourceRule Rule, IImageSource Source, bool CanList)> _routes;
    private readonly IImageSource _fallback;

    public RoutedImageSource(IReadOnlyList<(SourceRule Rule, IImageSource Source, bool CanList)> routes, IImageSource fallback)
    {
        _routes = routes;
        _fallback = fallback;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> UnlistedRules => [.. _routes.Where(r => !r.CanList).Select(r => r.Rule.Name)];

    /// <inheritdoc/>
    public ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken)
    {
        foreach (var (rule, source, _) in _routes)
        {
            if (identifier.Value is { } value && rule.Match(value) is not null)
            {
                return source.ResolveAsync(identifier, cancellationToken);
            }
        }

        return _fallback.ResolveAsync(identifier, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The folder's images first, then each listable rule's, each identifier once and only when the rules would
    /// send it where it was listed.</remarks>
    public async IAsyncEnumerable<ImageIdentifier> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var identifier in _fallback.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (RouteOf(identifier.Value) < 0 && seen.Add(identifier.Value))
            {
                yield return identifier;
            }
        }

        for (var i = 0; i < _routes.Count; i++)
        {
            if (!_routes[i].CanList)
            {
                continue;
            }

            await foreach (var identifier in _routes[i].Source.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (RouteOf(identifier.Value) == i && seen.Add(identifier.Value))
                {
                    yield return identifier;
                }
            }
        }
    }

    private int RouteOf(string value)
    {
        for (var i = 0; i < _routes.Count; i++)
        {
            if (_routes[i].Rule.Match(value) is not null)
            {
                return i;
            }
        }

        return -1;
    }
}
