using Iiif.Caching.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>The disk tier: one data file and one sidecar per derivative (see <see cref="DiskLayout"/>), written
/// atomically, verified on every read (a corrupt or partial entry is deleted and reported as a miss, never served), with
/// least-recently-served eviction under <see cref="CacheDerivativesOptions.MaxBytes"/> and above
/// <see cref="CacheDerivativesOptions.MinFreeBytes"/> of free space (see <see cref="DiskEviction"/>). A store that fails
/// leaves no temporary file behind and is reported to <see cref="Health"/>, never to the request. Shared by the
/// derivative cache and the cleaner so both see one index.</summary>
internal sealed class DiskDerivativeStore
{
    /// <summary>Entries up to this size are read whole and hash-checked; larger ones are streamed after a length check.</summary>
    public const long FullReadMaxBytes = 16L * 1024 * 1024;

    /// <summary>How stale a sidecar's last-served time may get before a hit rewrites it (coarse, to spare writes).</summary>
    public static readonly TimeSpan PersistInterval = TimeSpan.FromMinutes(5);

    private readonly Lock[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new Lock())];
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DiskEviction _eviction;
    private readonly Lazy<Task> _scan;

    public DiskDerivativeStore(IOptions<CachingOptions> options, TimeProvider time, ILogger<DiskDerivativeStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Layout = new DiskLayout(options.Value.Root);
        Enabled = options.Value.Derivatives.Enabled;
        _time = time;
        _logger = logger;
        Health = new DiskHealth(Layout.DerivativesRoot, time, logger);
        _eviction = new DiskEviction(this, options.Value, time);
        _scan = new Lazy<Task>(() => Task.Run(ScanSidecars));
    }

    /// <summary>Whether stores succeed, and why not.</summary>
    public DiskHealth Health { get; }

    public DiskLayout Layout { get; }

    public bool Enabled { get; }

    public DiskIndex Index { get; } = new();

    public ILogger Logger => _logger;

    /// <summary>Entries deleted to stay within the size cap or the free-space minimum since start-up (not those the
    /// cleaner or a purge removed).</summary>
    public long Evictions => _eviction.Evictions;

    /// <summary>Starts the background index scan if it has not started, and waits for it.</summary>
    public Task WaitForIndexAsync() => _scan.Value;

    public async Task<DiskRead?> TryReadAsync(DerivativeKey key, DerivativeId id, CancellationToken cancellationToken)
    {
        _ = _scan.Value;
        var dataPath = Layout.DataPath(id);
        var metaPath = DiskLayout.MetaPathOf(dataPath);
        var (sidecar, raw) = DiskFiles.ReadSidecar(metaPath);
        if (sidecar is null)
        {
            if (raw is not null || File.Exists(dataPath))
            {
                DeleteCorrupt(dataPath, raw, raw is null ? "sidecar missing" : "sidecar unreadable");
            }

            return null;
        }

        if (!sidecar.Matches(key))
        {
            DeleteCorrupt(dataPath, raw, "sidecar of another key");
            return null;
        }

        var read = await ReadDataAsync(dataPath, sidecar, cancellationToken).ConfigureAwait(false);
        if (read.Reason is not null)
        {
            DeleteCorrupt(dataPath, raw, read.Reason);
            return null;
        }

        await ServedAsync(dataPath, sidecar, raw!).ConfigureAwait(false);
        return read.Result;
    }

    /// <summary>Stores an entry; returns false when the disk could not keep it (logged and counted in <see cref="Health"/>,
    /// never thrown: the render is still served). A full filesystem is answered by evicting to make room, then one retry.</summary>
    public async Task<bool> WriteAsync(DerivativeKey key, DerivativeId id, DerivativeEntry entry)
    {
        var dataPath = Layout.DataPath(id);
        var now = _time.GetUtcNow();
        var meta = entry.Metadata;
        var sidecar = new DiskSidecar(key.Identifier, key.Request, key.Source.Token, meta.MediaType, meta.ETag, meta.IsProfile,
            entry.Bytes.LongLength, Hashing.Sha256Hex(entry.Bytes), now, now);
        var failure = await TryStoreAsync(dataPath, entry.Bytes, sidecar).ConfigureAwait(false);
        if (failure is not null && DiskHealth.Classify(failure).State == Core.Diagnostics.CacheTierStates.Full
            && await _eviction.MakeRoomAsync(entry.Bytes.LongLength).ConfigureAwait(false))
        {
            failure = await TryStoreAsync(dataPath, entry.Bytes, sidecar).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            Health.Failed(failure);
            return false;
        }

        Health.Stored();
        Index.Set(dataPath, new DiskIndexEntry(sidecar.Length, sidecar.IsProfile, now, now));
        await _eviction.AfterStoreAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Writes a tiny file into the derivatives folder and deletes it: whether the folder can be written at all,
    /// for start-up and readiness (a store would tell, but there may be no traffic). Null when it can.</summary>
    public Exception? ProbeWritable()
    {
        var probe = Path.Combine(Layout.DerivativesRoot, $".write-check.{Guid.NewGuid():N}{DiskLayout.TempExtension}");
        try
        {
            Directory.CreateDirectory(Layout.DerivativesRoot);
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
            Health.Writable();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiskFiles.TryDelete(probe, _logger);
            Health.Failed(e);
            return e;
        }
    }

    /// <summary>Deletes an entry's data file and sidecar; returns whether there was anything to delete.</summary>
    public bool DeleteEntry(string dataPath)
    {
        bool deleted;
        lock (StripeOf(dataPath))
        {
            deleted = DiskFiles.TryDelete(dataPath, _logger) | DiskFiles.TryDelete(DiskLayout.MetaPathOf(dataPath), _logger);
        }

        Index.Remove(dataPath);
        return deleted;
    }

    /// <summary>Deletes an entry only if its sidecar is still exactly <paramref name="sidecarBytes"/> (null: still
    /// missing), so a writer that replaced it meanwhile is not undone.</summary>
    public bool DeleteIfUnchanged(string dataPath, byte[]? sidecarBytes)
    {
        lock (StripeOf(dataPath))
        {
            if (!DiskFiles.SameBytes(DiskLayout.MetaPathOf(dataPath), sidecarBytes))
            {
                return false;
            }

            DiskFiles.TryDelete(dataPath, _logger);
            DiskFiles.TryDelete(DiskLayout.MetaPathOf(dataPath), _logger);
        }

        Index.Remove(dataPath);
        return true;
    }

    private static async Task<(DiskRead? Result, string? Reason)> ReadDataAsync(
        string dataPath, DiskSidecar sidecar, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(dataPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, "data file missing");
        }

        if (file.Length != sidecar.Length)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            return (null, "length mismatch");
        }

        if (sidecar.Length > FullReadMaxBytes)
        {
            return (new DiskRead(sidecar, null, file), null);
        }

        var bytes = new byte[sidecar.Length];
        await using (file.ConfigureAwait(false))
        {
            await file.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        return string.Equals(Hashing.Sha256Hex(bytes), sidecar.Sha256, StringComparison.Ordinal)
            ? (new DiskRead(sidecar, bytes, null), null)
            : (null, "content hash mismatch");
    }

    private void DeleteCorrupt(string dataPath, byte[]? sidecarBytes, string reason)
    {
        if (DeleteIfUnchanged(dataPath, sidecarBytes))
        {
            Log.CorruptDiskEntry(_logger, dataPath, reason);
        }
    }

    private async Task ServedAsync(string dataPath, DiskSidecar sidecar, byte[] sidecarBytes)
    {
        var now = _time.GetUtcNow();
        var entry = Index.AddFound(dataPath, new DiskIndexEntry(sidecar.Length, sidecar.IsProfile, sidecar.LastServed, sidecar.LastServed));
        entry.Served(now);
        if (now - entry.Persisted < PersistInterval)
        {
            return;
        }

        var metaPath = DiskLayout.MetaPathOf(dataPath);
        try
        {
            var temp = await DiskFiles.WriteTempAsync(
                metaPath, DiskFiles.Serialize(sidecar with { LastServed = entry.LastServed }), CancellationToken.None).ConfigureAwait(false);
            lock (StripeOf(dataPath))
            {
                if (DiskFiles.SameBytes(metaPath, sidecarBytes))
                {
                    File.Move(temp, metaPath, overwrite: true);
                    entry.MarkPersisted(entry.LastServed);
                    return;
                }
            }

            DiskFiles.TryDelete(temp, _logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Health.Failed(e);
        }
    }

    /// <summary>Data first, sidecar last, each through a temp file renamed into place: a sidecar always describes a
    /// complete data file. On failure no temp file is left behind. Null when stored.</summary>
    private async Task<Exception?> TryStoreAsync(string dataPath, byte[] bytes, DiskSidecar sidecar)
    {
        string? tempData = null;
        string? tempMeta = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataPath)!);
            tempData = await DiskFiles.WriteTempAsync(dataPath, bytes, CancellationToken.None).ConfigureAwait(false);
            tempMeta = await DiskFiles.WriteTempAsync(DiskLayout.MetaPathOf(dataPath), DiskFiles.Serialize(sidecar), CancellationToken.None)
                .ConfigureAwait(false);
            lock (StripeOf(dataPath))
            {
                File.Move(tempData, dataPath, overwrite: true);
                File.Move(tempMeta, DiskLayout.MetaPathOf(dataPath), overwrite: true);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiskFiles.TryDelete(tempData, _logger);
            DiskFiles.TryDelete(tempMeta, _logger);
            return e;
        }
    }

    /// <summary>At start-up, in the background: fills the index from the sidecars and deletes the temp files that writes
    /// interrupted by a crash or a full disk left behind.</summary>
    private void ScanSidecars()
    {
        try
        {
            if (!Directory.Exists(Layout.DerivativesRoot))
            {
                return;
            }

            foreach (var metaPath in Directory.EnumerateFiles(Layout.DerivativesRoot, "*" + DiskLayout.MetaExtension, SearchOption.AllDirectories))
            {
                var (sidecar, _) = DiskFiles.ReadSidecar(metaPath);
                if (sidecar is not null)
                {
                    Index.AddFound(DiskLayout.DataPathOf(metaPath),
                        new DiskIndexEntry(sidecar.Length, sidecar.IsProfile, sidecar.LastServed, sidecar.LastServed));
                }
            }

            RemoveStaleTempFiles();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.DiskScanFailed(_logger, Layout.DerivativesRoot, e);
        }
    }

    private void RemoveStaleTempFiles()
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - DiskLayout.StaleTempAge;
        var removed = Directory.EnumerateFiles(Layout.DerivativesRoot, "*" + DiskLayout.TempExtension, SearchOption.AllDirectories)
            .Where(temp => File.GetLastWriteTimeUtc(temp) < cutoff)
            .Count(temp => DiskFiles.TryDelete(temp, _logger));
        if (removed > 0)
        {
            Log.StaleTempFilesRemoved(_logger, removed, Layout.DerivativesRoot);
        }
    }

    private Lock StripeOf(string path) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)_stripes.Length)];
}
