using System.Collections.Concurrent;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decoded JPEG 2000 tiles kept for reuse: a request whose region lies inside one tile gets it cut from that
/// tile, decoded once at the request's reduction, instead of decoding its own region. Thread-safe.</summary>
/// <remarks>Built on <see cref="DecodedImageCache"/> (byte budget, leases, one decode per block however many requests
/// wait for it). A block is decoded without the first requester's cancellation token: the waiters behind it would
/// otherwise all fail with that request's cancellation; a tile decode cannot be interrupted midway anyway.</remarks>
internal sealed class Jpeg2000BlockCache : IDisposable
{
    /// <summary>Header facts kept per (path, version) before the map is simply cleared.</summary>
    private const int MaxFacts = 4096;

    private readonly Jpeg2000Reader _reader;
    private readonly Configuration _configuration;
    private readonly DecodedImageCache _blocks;
    private readonly ConcurrentDictionary<DecodedImageKey, Jpeg2000Facts> _facts = new();

    public Jpeg2000BlockCache(Jpeg2000Reader reader, Configuration configuration, long budgetBytes)
    {
        _reader = reader;
        _configuration = configuration;
        _blocks = new DecodedImageCache(budgetBytes);
    }

    /// <summary>The largest block cached, in bytes: a quarter of the budget, so a few tiles always fit.</summary>
    public long MaxBlockBytes => _blocks.BudgetBytes / 4;

    /// <summary>The underlying cache (for tests and statistics).</summary>
    internal DecodedImageCache Blocks => _blocks;

    /// <summary>The region at the reduction cut from a cached block, or null when no block can serve it (the caller
    /// decodes directly).</summary>
    public Image? TryDecode(string path, SourceVersion version, PixelRect region, int reduce, CancellationToken cancellationToken)
    {
        var facts = FactsOf(path, version, cancellationToken);
        if (Jpeg2000Block.Locate(facts, region, reduce) is not { } block
            || EstimateBytes(block.Size, facts) > MaxBlockBytes)
        {
            return null;
        }

        var key = new DecodedImageKey(path, version, block.Index, reduce);
        using var lease = _blocks.TryAcquire(key)
            ?? _blocks.Acquire(key, EstimateBytes(block.Size, facts), () => _reader.Decode(path, block.Region, reduce, CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        return RegionCopier.Copy(lease.Image, block.Cut, block.Cut.Size, _configuration);
    }

    /// <inheritdoc/>
    public void Dispose() => _blocks.Dispose();

    // The reader's pixel types hold one byte per channel: L8, La16, Rgb24 or Rgba32 (the real size replaces this later).
    private static long EstimateBytes(PixelSize size, Jpeg2000Facts facts) =>
        (long)size.Width * size.Height * Math.Clamp(Math.Max(facts.Components.Count, facts.ColorChannels), 1, 4);

    /// <summary>The file's header facts, read once per (path, version).</summary>
    public Jpeg2000Facts FactsOf(string path, SourceVersion version, CancellationToken cancellationToken)
    {
        var key = new DecodedImageKey(path, version);
        if (_facts.TryGetValue(key, out var facts))
        {
            return facts;
        }

        facts = Jpeg2000Reader.ReadFacts(path, cancellationToken);
        if (_facts.Count >= MaxFacts)
        {
            // Replaced files leave stale keys behind; a rare clear bounds them without an LRU of its own.
            _facts.Clear();
        }

        _facts[key] = facts;
        return facts;
    }
}
