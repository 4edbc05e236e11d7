using Iiif.Caching.Derivatives.Disk;
using Iiif.Caching.Shared;
using Iiif.Core.Diagnostics;

namespace Iiif.Caching;

/// <summary>Whether the cache tiers work, for the host's readiness, admin health and metrics: the disk tier (from its
/// stores, and a one-byte write into its folder at most every <see cref="ProbeInterval"/>, so an unwritable folder is
/// seen even without traffic) and the shared tier (from its connection state; no network call). Created at start-up,
/// when it also starts the disk index scan, which removes the temp files interrupted writes left behind; see
/// <see cref="ICachingStartup"/>.</summary>
internal sealed class CachingHealth : ICacheHealthSource, ICachingStartup
{
    /// <summary>How often the disk tier's folder is written to when health is read.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(10);

    private readonly DiskDerivativeStore _disk;
    private readonly SharedCacheTier _shared;
    private readonly TimeProvider _time;
    private long _probedAt = long.MinValue;

    public CachingHealth(DiskDerivativeStore disk, SharedCacheTier shared, TimeProvider time)
    {
        _disk = disk;
        _shared = shared;
        _time = time;
        if (disk.Enabled)
        {
            _ = disk.WaitForIndexAsync();
        }
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        GetHealth();
        await _shared.FirstAttempt.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<CacheTierHealth> GetHealth()
    {
        var tiers = new List<CacheTierHealth>(2);
        if (_disk.Enabled)
        {
            if (ProbeDue())
            {
                _disk.ProbeWritable();
            }

            tiers.Add(_disk.Health.Snapshot());
        }

        tiers.AddRange(_shared.Health());
        return tiers;
    }

    private bool ProbeDue()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _probedAt);
        return (last == long.MinValue || _time.GetElapsedTime(last, now) >= ProbeInterval)
            && Interlocked.CompareExchange(ref _probedAt, now, last) == last;
    }
}
