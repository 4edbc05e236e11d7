using Iiif.Core.Identifiers;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>An object of a remote source, pinned to the version it had when it was resolved: every read goes through the
/// shared <see cref="RangeCache"/>, and what is missing is fetched from the upstream for that version only.</summary>
internal sealed class RemoteSourceHandle : ImageSourceHandle
{
    private readonly RemoteImageSource _source;
    private readonly string _location;
    private readonly string _cacheKey;

    public RemoteSourceHandle(ImageIdentifier identifier, SourceVersion version, RemoteImageSource source, string location)
        : base(identifier, version, source.Kind + ":" + source.Rule + ":" + location)
    {
        _source = source;
        _location = location;
        _cacheKey = Location + "|" + version.Token;
    }

    /// <inheritdoc/>
    public override bool IsRemote => true;

    /// <summary>The rule that serves this object.</summary>
    public string Rule => _source.Rule;

    /// <inheritdoc/>
    internal override IReadPlan? ReadPlan => _source.Plans.Find(_cacheKey);

    /// <summary>Remembers what a codec learnt of this version's layout for every later read of it.</summary>
    internal void RememberPlan(IReadPlan plan) => _source.Plans.Remember(_cacheKey, plan);

    /// <inheritdoc/>
    /// <remarks>Reads that miss the cache wait for the upstream on the calling thread: the renderer prefetches what a
    /// render needs first (<see cref="PrefetchAsync"/>), so this is the exception, not the rule.</remarks>
    public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new Reader(this, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken) =>
        _source.Cache.ReadAsync(_cacheKey, Length, offset, buffer, FetchAsync, cancellationToken);

    /// <inheritdoc/>
    public override Task PrefetchAsync(IReadOnlyList<ByteRange> ranges, CancellationToken cancellationToken) =>
        _source.Cache.EnsureAsync(_cacheKey, Length, ranges, FetchAsync, cancellationToken);

    private async Task<int> FetchAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            var read = await _source.Store.ReadAsync(_location, Version, offset, destination, cancellationToken).ConfigureAwait(false);
            return read == destination.Length
                ? read
                : throw new SourceUnavailableException(SourceFailure.Truncated, Rule,
                    $"The upstream of rule '{Rule}' sent {read} of {destination.Length} bytes.");
        }
        catch (SourceUnavailableException e)
        {
            _source.Failed(_location, e);
            throw;
        }
    }

    private sealed class Reader(RemoteSourceHandle handle, CancellationToken cancellationToken) : ISourceReader
    {
        public long Length => handle.Length;

        public int Read(long offset, Span<byte> destination)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (handle._source.Cache.TryRead(handle._cacheKey, handle.Length, offset, destination, out var cached))
            {
                return cached;
            }

            var buffer = new byte[destination.Length];
            var read = handle.ReadAsync(offset, buffer, cancellationToken).AsTask().GetAwaiter().GetResult();
            buffer.AsSpan(0, read).CopyTo(destination);
            return read;
        }

        public void Dispose()
        {
        }
    }
}
