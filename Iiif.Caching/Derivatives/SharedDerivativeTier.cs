using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives;

/// <summary>Derivatives in the shared (distributed) tier other instances fill, up to
/// <see cref="CacheRedisOptions.MaxItemBytes"/> each. A value is a small header (magic, key, media type, ETag, profile
/// flag, SHA-256 and length of the content) followed by the content; a value that does not match its key or its hash is
/// ignored, never served.</summary>
internal sealed class SharedDerivativeTier(IDistributedCache cache, CachingOptions options, ILogger logger)
{
    private static readonly byte[] Magic = "IIDV1"u8.ToArray();
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    public static string KeyOf(DerivativeId id) => $"deriv:{id.Group}:{id.Entry}";

    public bool Accepts(long length) => length <= options.Redis.MaxItemBytes;

    public async Task<DerivativeEntry?> TryGetAsync(DerivativeKey key, DerivativeId id, CancellationToken cancellationToken)
    {
        var value = await cache.GetAsync(KeyOf(id), cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        try
        {
            return Decode(key, value);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            Log.CorruptSharedEntry(logger, KeyOf(id), e.Message);
            return null;
        }
    }

    /// <summary>Writes in the background; a failure is logged, never thrown to the request that rendered.</summary>
    public void SetInBackground(DerivativeKey key, DerivativeId id, DerivativeEntry entry)
    {
        if (!Accepts(entry.Bytes.LongLength))
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
