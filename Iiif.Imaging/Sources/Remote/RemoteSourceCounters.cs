using System.Collections.Concurrent;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>What the remote sources asked of their upstreams since start-up, per rule: requests, bytes received and
/// failures by kind (published on /metrics).</summary>
public sealed class RemoteSourceCounters
{
    private readonly ConcurrentDictionary<string, RuleCounters> _rules = new(StringComparer.Ordinal);

    /// <summary>The counters of every rule that has been used.</summary>
    public IReadOnlyDictionary<string, RuleCounters> Rules => _rules;

    /// <summary>The counters of <paramref name="rule"/>.</summary>
    public RuleCounters For(string rule) => _rules.GetOrAdd(rule, _ => new RuleCounters());
}

/// <summary>One rule's counters.</summary>
public sealed class RuleCounters
{
    private readonly long[] _failures = new long[Enum.GetValues<SourceFailure>().Length];
    private long _requests;
    private long _bytes;

    /// <summary>Requests sent upstream (version checks and reads, retries included as one).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Body bytes received.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Failures of <paramref name="failure"/> kind.</summary>
    public long Failures(SourceFailure failure) => Interlocked.Read(ref _failures[(int)failure]);

    internal void CountRequest(long bytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, bytes);
    }

    internal void CountFailure(SourceFailure failure) => Interlocked.Increment(ref _failures[(int)failure]);
}
