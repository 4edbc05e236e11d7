using System.Security.Cryptography;
using System.Text;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives;

/// <summary>Derivatives in the shared (distributed) tier other instances fill, up to
/// <see cref="CacheRedisOptions.MaxItemBytes"/> each. A value is a small header (magic, key, media type, ETag, profile
/// flag, SHA-256 and length of the content) followed by the content; a value that does not match its key or its hash is
/// ignored, never served. Off when there is no shared cache (no Redis configured).</summary>
internal sealed class SharedDerivativeTier(IDistributedCache? cache, CachingOptions options, ILogger logger) : IDerivativeTier
{
    private static readonly byte[] Magic = "IIDV1"u8.ToArray();
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);
    private readonly TierCounter _counter = new();

    public CacheTier Tier => CacheTier.Shared;

    public bool Enabled => cache is not null;

    public static string KeyOf(DerivativeId id) => $"deriv:{id.Group}:{id.Entry}";

    public bool Accepts(long length) => length <= options.Redis.MaxItemBytes;

    public async ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var entry = await ReadAsync(address, cancellationToken).ConfigureAwait(false);
        _counter.Count(entry is not null);
        return entry is null ? null : CachedDerivative.FromEntry(entry, Tier);
    }

    /// <summary>Writes in the background (so it reports success); a failure is logged, never thrown to the request that
    /// rendered.</summary>
    public ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(entry);
        SetInBackground(address.Key, address.Id, entry);
        return ValueTask.FromResult(true);
    }

    // Entries expire by themselves and stop matching once the source changes; other instances' entries cannot be listed.
    public IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly) => [];

    public IReadOnlyCollection<string> PurgeAll() => [];

    public CacheStatistics GetStatistics() => new(TieredDerivativeCache.CacheName, Tier.Name, null, null, _counter.Hits, _counter.Misses);

    private async Task<DerivativeEntry?> ReadAsync(DerivativeAddress address, CancellationToken cancellationToken)
    {
        var value = cache is null ? null : await cache.GetAsync(KeyOf(address.Id), cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        try
        {
            return Decode(address.Key, value);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            Log.CorruptSharedEntry(logger, KeyOf(address.Id), e.Message);
            return null;
        }
    }

    private void SetInBackground(DerivativeKey key, DerivativeId id, DerivativeEntry entry)
    {
        if (cache is null || !Accepts(entry.Bytes.LongLength))
        {
            return;
        }

        var lifetime = entry.Metadata.IsProfile ? options.Clean.ProfileAfter : options.Clean.OtherAfter;
        var entryOptions = new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = lifetime > TimeSpan.Zero ? lifetime : DefaultLifetime,
        };
        var write = cache.SetAsync(KeyOf(id), Encode(key, entry), entryOptions, CancellationToken.None);
        _ = write.ContinueWith(
            static (task, state) =>
            {
                var (log, name) = ((ILogger, string))state!;
                Log.SharedWriteFailed(log, name, task.Exception!.GetBaseException());
            },
            (logger, KeyOf(id)), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    internal static byte[] Encode(DerivativeKey key, DerivativeEntry entry)
    {
        using var buffer = new MemoryStream(entry.Bytes.Length + 512);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(key.Identifier);
            writer.Write(key.Request);
            writer.Write(key.Source.Token);
            writer.Write(entry.Metadata.MediaType);
            writer.Write(entry.Metadata.ETag);
            writer.Write(entry.Metadata.IsProfile);
            writer.Write(SHA256.HashData(entry.Bytes));
            writer.Write(entry.Bytes.Length);
            writer.Write(entry.Bytes);
        }

        return buffer.ToArray();
    }

    internal static DerivativeEntry Decode(DerivativeKey key, byte[] value)
    {
        using var reader = new BinaryReader(new MemoryStream(value, writable: false), Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a derivative value");
        }

        if (!string.Equals(reader.ReadString(), key.Identifier, StringComparison.Ordinal)
            || !string.Equals(reader.ReadString(), key.Request, StringComparison.Ordinal)
            || !string.Equals(reader.ReadString(), key.Source.Token, StringComparison.Ordinal))
        {
            throw new InvalidDataException("value of another key");
        }

        var metadata = new DerivativeMetadata(reader.ReadString(), reader.ReadString(), reader.ReadBoolean());
        var hash = reader.ReadBytes(32);
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length || reader.BaseStream.Position != value.Length)
        {
            throw new InvalidDataException("length mismatch");
        }

        return SHA256.HashData(bytes).AsSpan().SequenceEqual(hash)
            ? new DerivativeEntry(metadata, bytes)
            : throw new InvalidDataException("content hash mismatch");
    }
}
