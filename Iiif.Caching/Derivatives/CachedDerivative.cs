namespace Iiif.Caching.Derivatives;

/// <summary>A derivative ready to send: its metadata, where it came from, and its bytes, either in memory or as an
/// open file (opened before it is handed out, so eviction or cleaning cannot pull it away mid-response).</summary>
public sealed class CachedDerivative : IDisposable
{
    private CachedDerivative(DerivativeMetadata metadata, CacheTier tier, long length, ReadOnlyMemory<byte> bytes, Stream? file,
        DerivativeEntry? entry = null)
    {
        Metadata = metadata;
        Tier = tier;
        Length = length;
        Bytes = bytes;
        File = file;
        Entry = entry;
    }

    /// <summary>Media type, ETag and profile flag.</summary>
    public DerivativeMetadata Metadata { get; }

    /// <summary>Where the bytes came from.</summary>
    public CacheTier Tier { get; }

    /// <summary>Length in bytes.</summary>
    public long Length { get; }

    /// <summary>The whole derivative when it is held in memory; empty when <see cref="File"/> is set.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>An open stream at position 0 over a verified disk entry too big to hold in memory, else null.</summary>
    public Stream? File { get; }

    /// <summary>The whole entry when a tier of this library held it in memory: what faster tiers are given a copy of.</summary>
    internal DerivativeEntry? Entry { get; }

    /// <summary>True when this render could not be kept by a tier that should have kept it (a full or read-only disk):
    /// served, but the next request renders again. Cache warming counts it as a failure.</summary>
    public bool StoreFailed { get; private init; }

    /// <summary>A derivative held in memory.</summary>
    public static CachedDerivative FromBytes(DerivativeMetadata metadata, CacheTier tier, ReadOnlyMemory<byte> bytes) =>
        new(metadata, tier, bytes.Length, bytes, null);

    internal static CachedDerivative FromEntry(DerivativeEntry entry, CacheTier tier) =>
        new(entry.Metadata, tier, entry.Bytes.LongLength, entry.Bytes, null, entry);

    /// <summary>A derivative just rendered; <paramref name="stored"/> says whether every tier that should keep it did.</summary>
    internal static CachedDerivative FromRender(DerivativeEntry entry, bool stored) =>
        new(entry.Metadata, CacheTier.Rendered, entry.Bytes.LongLength, entry.Bytes, null, entry) { StoreFailed = !stored };

    /// <summary>A derivative streamed from an open file; the derivative owns the stream.</summary>
    public static CachedDerivative FromFile(DerivativeMetadata metadata, CacheTier tier, Stream file, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(metadata, tier, length, ReadOnlyMemory<byte>.Empty, file);
    }

    /// <summary>Closes the file, if any.</summary>
    public void Dispose() => File?.Dispose();
}
