namespace Iiif.Caching.Derivatives;

/// <summary>A derivative ready to send: its metadata, where it came from, and its bytes, either in memory or as an
/// open file (opened before it is handed out, so eviction or cleaning cannot pull it away mid-response).</summary>
public sealed class CachedDerivative : IDisposable
{
    private CachedDerivative(DerivativeMetadata metadata, CacheTier tier, long length, ReadOnlyMemory<byte> bytes, Stream? file)
    {
        Metadata = metadata;
        Tier = tier;
        Length = length;
        Bytes = bytes;
        File = file;
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

    /// <summary>True when this render could not be kept in the disk tier (a full or read-only disk): served, but the
    /// next request renders again. Cache warming counts it as a failure.</summary>
    public bool StoreFailed { get; private init; }

    /// <summary>A derivative held in memory.</summary>
    public static CachedDerivative FromBytes(DerivativeMetadata metadata, CacheTier tier, ReadOnlyMemory<byte> bytes) =>
        new(metadata, tier, bytes.Length, bytes, null);

    /// <summary>A derivative just rendered; <paramref name="stored"/> says whether the disk tier kept it.</summary>
    public static CachedDerivative FromRender(DerivativeMetadata metadata, ReadOnlyMemory<byte> bytes, bool stored) =>
        new(metadata, CacheTier.Rendered, bytes.Length, bytes, null) { StoreFailed = !stored };

    /// <summary>A derivative streamed from an open file; the derivative owns the stream.</summary>
    public static CachedDerivative FromFile(DerivativeMetadata metadata, CacheTier tier, Stream file, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(metadata, tier, length, ReadOnlyMemory<byte>.Empty, file);
    }

    /// <summary>Closes the file, if any.</summary>
    public void Dispose() => File?.Dispose();
}
