using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;

namespace Iiif.Web.Pipeline;

/// <summary>Request targets recently answered with an image held in the memory tier, keyed by the raw target and the
/// public root the client used (the Link header depends on it). Bounded: cleared when full, as entries are cheap to
/// learn again.</summary>
internal sealed class HotResponses
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<(string Target, string Root), HotResponse> _entries = new();

    public bool TryGet(string target, string root, out HotResponse response) => _entries.TryGetValue((target, root), out response!);

    public void Remember(string target, string root, HotResponse response)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(target, root)] = response;
    }

    public void Forget(string target, string root) => _entries.TryRemove((target, root), out _);

    /// <summary>The raw request target without its query, or null when the request has a query (a query such as
    /// <c>recache</c> always takes the full path).</summary>
    public static string? TargetOf(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) || raw[0] != '/' || raw.Contains('?', StringComparison.Ordinal) ? null : raw;
    }
}
