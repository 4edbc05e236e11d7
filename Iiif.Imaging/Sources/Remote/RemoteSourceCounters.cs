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
    private long _lastFailureTicks;
    private long _lastSuccessTicks;
    private int _lastFailure = -1;

    /// <summary>Requests sent upstream (version checks and reads, retries included as one).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Body bytes received.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Failures of <paramref name="failure"/> kind.</summary>
    public long Failures(SourceFailure failure) => Interlocked.Read(ref _failures[(int)failure]);

    /// <summary>The upstream's state for a health report: "ok" unless its last answer, within
    /// <paramref name="window"/> of <paramref name="now"/>, was a failure other than a missing object; then that failure
    /// ("timeout", "upstream", ...). Read from what requests saw: a health check sends nothing upstream.</summary>
    public string StateAt(DateTimeOffset now, TimeSpan window)
    {
        var failed = Interlocked.Read(ref _lastFailureTicks);
        var failure = Volatile.Read(ref _lastFailure);
        return failure < 0 || failed <= Interlocked.Read(ref _lastSuccessTicks) || now.UtcTicks - failed > window.Ticks
            ? "ok"
            : ((SourceFailure)failure).ToString().ToLowerInvariant();
    }

    internal void CountRequest(long bytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Exchange(ref _lastSuccessTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    internal void CountFailure(SourceFailure failure)
    {
        Interlocked.Increment(ref _failures[(int)failure]);
        if (failure is not (SourceFailure.NotFound or SourceFailure.Changed))
        {
            Volatile.Write(ref _lastFailure, (int)failure);
            Interlocked.Exchange(ref _lastFailureTicks, DateTimeOffset.UtcNow.UtcTicks);
        }
    }
}
