using Iiif.Caching.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>The disk tier: one data file and one sidecar per derivative (see <see cref="DiskLayout"/>), written
/// atomically, verified on every read (a corrupt or partial entry is deleted and reported as a miss, never served), with
/// least-recently-served eviction under <see cref="CachingOptions.DiskMaxBytes"/>. Shared by the derivative cache and
/// the cleaner so both see one index.</summary>
internal sealed class DiskDerivativeStore
{
    /// <summary>Entries up to this size are read whole and hash-checked; larger ones are streamed after a length check.</summary>
    public const long FullReadMaxBytes = 16L * 1024 * 1024;

    /// <summary>How stale a sidecar's last-served time may get before a hit rewrites it (coarse, to spare writes).</summary>
    public static readonly TimeSpan PersistInterval = TimeSpan.FromMinutes(5);

    private readonly Lock[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new Lock())];
    private readonly Lock _evicting = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _maxBytes;
    private readonly Lazy<Task> _scan;

    public DiskDerivativeStore(IOptions<CachingOptions> options, TimeProvider time, ILogger<DiskDerivativeStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Layout = new DiskLayout(options.Value.Root);
        Enabled = options.Value.DiskEnabled;
        _maxBytes = options.Value.DiskMaxBytes;
        _time = time;
        _logger = logger;
        _scan = new Lazy<Task>(() => Task.Run(ScanSidecars));
    }

    public DiskLayout Layout { get; }

    public bool Enabled { get; }

    public DiskIndex Index { get; } = new();

    public ILogger Logger => _logger;

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

    /// <summary>Stores an entry (temporary files, then an atomic move); false when the disk refused it, which is logged
    /// and never thrown: a full or read-only disk must not fail the request.</summary>
    public async Task<bool> WriteAsync(DerivativeKey key, DerivativeId id, DerivativeEntry entry)
    {
        var dataPath = Layout.DataPath(id);
        var now = _time.GetUtcNow();
        var meta = entry.Metadata;
        var sidecar = new DiskSidecar(key.Identifier, key.Request, key.Source.Token, meta.MediaType, meta.ETag, meta.IsProfile,
            entry.Bytes.LongLength, Hashing.Sha256Hex(entry.Bytes), now, now);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataPath)!);
            var tempData = await DiskFiles.WriteTempAsync(dataPath, entry.Bytes, CancellationToken.None).ConfigureAwait(false);
            var tempMeta = await DiskFiles.WriteTempAsync(DiskLayout.MetaPathOf(dataPath), DiskFiles.Serialize(sidecar), CancellationToken.None)
                .ConfigureAwait(false);
            lock (StripeOf(dataPath))
            {
                // Data first, sidecar last: a sidecar always describes a complete data file.
                File.Move(tempData, dataPath, overwrite: true);
                File.Move(tempMeta, DiskLayout.MetaPathOf(dataPath), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk must not fail the request: the render is still served, just not kept.
            Log.DiskWriteFailed(_logger, dataPath, e);
            return false;
        }

        Index.Set(dataPath, new DiskIndexEntry(sidecar.Length, sidecar.IsProfile, now, now));
        await EvictIfOverCapAsync().ConfigureAwait(false);
        return true;
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
            Log.DiskWriteFailed(_logger, metaPath, e);
        }
    }

    private async Task EvictIfOverCapAsync()
    {
        if (_maxBytes <= 0 || Index.TotalBytes <= _maxBytes)
        {
            return;
        }

        await WaitForIndexAsync().ConfigureAwait(false);
        lock (_evicting)
        {
            // Evict to 90% of the cap so the next few writes do not each trigger another eviction pass.
            var target = _maxBytes / 10 * 9;
            var (count, bytes) = (0, 0L);
            foreach (var (path, entry) in Index.Snapshot().OrderBy(e => e.Value.LastServed))
            {
                if (Index.TotalBytes <= target)
                {
                    break;
                }

                DeleteEntry(path);
                (count, bytes) = (count + 1, bytes + entry.Length);
            }

            Log.DiskEvicted(_logger, count, bytes);
        }
    }

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
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.DiskScanFailed(_logger, Layout.DerivativesRoot, e);
        }
    }

    private Lock StripeOf(string path) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)_stripes.Length)];
}
