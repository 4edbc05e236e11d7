using Iiif.Core.Identifiers;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources;

/// <summary>A resolved source image: its identity, length and version, and random access to its bytes, asynchronous
/// (<see cref="ReadAsync"/>, <see cref="PrefetchAsync"/>) for the request path and synchronous
/// (<see cref="OpenReader"/>, <see cref="OpenRead(CancellationToken)"/>) for codecs that read from inside native
/// callbacks.</summary>
/// <remarks>A handle stands for one version: a remote source refuses bytes of another version rather than mixing them
/// (<see cref="SourceUnavailableException"/> with <see cref="SourceFailure.Changed"/>).</remarks>
public abstract class ImageSourceHandle
{
    /// <summary>Creates a handle; <paramref name="location"/> names where the bytes live, unique across every source
    /// (decoded-data caches key on it), and defaults to the identifier.</summary>
    protected ImageSourceHandle(ImageIdentifier identifier, SourceVersion version, string? location = null)
    {
        Identifier = identifier;
        Version = version;
        Location = location ?? identifier.Value ?? string.Empty;
    }

    /// <summary>The identifier this handle was resolved from.</summary>
    public ImageIdentifier Identifier { get; }

    /// <summary>The version of the bytes behind the handle (modification time, length, entity tag).</summary>
    public SourceVersion Version { get; }

    /// <summary>The source's length in bytes.</summary>
    public long Length => Version.Length;

    /// <summary>Where the bytes live (<c>file:/path</c>, <c>http:rule:url</c>, <c>s3:rule:bucket/key</c>): the key of
    /// every cache of data derived from them, together with <see cref="Version"/>.</summary>
    public string Location { get; }

    /// <summary>A local file path when the source is a file, else null. Only an optimisation (memory-mapping a JPEG,
    /// handing a path to djpeg): every decoder also works through the reads.</summary>
    public virtual string? LocalPath => null;

    /// <summary>True when reads cross a network: decoders then ask for the byte ranges a render needs with
    /// <see cref="PrefetchAsync"/> before they decode, so a render slot only waits for the CPU.</summary>
    public virtual bool IsRemote => false;

    /// <summary>A random-access reader for synchronous consumers. Its reads check <paramref name="cancellationToken"/>.
    /// The caller disposes it.</summary>
    public abstract ISourceReader OpenReader(CancellationToken cancellationToken = default);

    /// <summary>Reads from <paramref name="offset"/> into <paramref name="buffer"/>: all of it, fewer bytes only at the
    /// end of the source, 0 at or past the end.</summary>
    /// <exception cref="SourceUnavailableException">A remote source failed or changed.</exception>
    public virtual ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var reader = OpenReader(cancellationToken);
        return ValueTask.FromResult(reader.Read(offset, buffer.Span));
    }

    /// <summary>Makes <paramref name="ranges"/> cheap to read: a remote source fetches what its range cache lacks, in as
    /// few requests as the ranges allow; a local file does nothing.</summary>
    /// <exception cref="SourceUnavailableException">A remote source failed or changed.</exception>
    public virtual Task PrefetchAsync(IReadOnlyList<ByteRange> ranges, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A read-only, seekable stream over <see cref="OpenReader"/>, its reads shaped by the
    /// <see cref="ReadPlan"/> when there is one. The caller disposes it.</summary>
    public Stream OpenRead(CancellationToken cancellationToken = default) => new SourceReadStream(OpenReader(cancellationToken), ReadPlan);

    /// <summary>What a codec learnt of this version's layout while preparing a render (e.g. a JPEG 2000 codestream's
    /// tile-parts), so stream reads fetch only what the codec uses; null when there is nothing to shape.</summary>
    internal virtual IReadPlan? ReadPlan => null;
}
