using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decoded JPEG 2000 tiles kept for reuse in the shared <see cref="DecodedBlockCache"/>: a request whose region
/// lies inside one tile gets it cut from that tile, decoded once at the request's reduction, instead of decoding its own
/// region. Header facts and the tile-part index come from the shared <see cref="SourceFactsCache"/>. Thread-safe.</summary>
internal sealed class Jpeg2000BlockCache
{
    /// <summary>Most OpenJPEG threads one block decode uses.</summary>
    private const int MaxBlockDecodeThreads = 4;

    private int _decoding;

    private readonly Jpeg2000Reader _reader;
    private readonly Configuration _configuration;
    private readonly DecodedBlockCache _blocks;
    private readonly SourceFactsCache _facts;
    private readonly Func<string, CancellationToken, ISourceReader> _open;

    public Jpeg2000BlockCache(Jpeg2000Reader reader, Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts)
        : this(reader, configuration, blocks, facts, (path, token) => new FileSourceReader(path, token))
    {
    }

    /// <summary>A cache opening files with <paramref name="open"/> (tests count the bytes read).</summary>
    internal Jpeg2000BlockCache(
        Jpeg2000Reader reader, Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts,
        Func<string, CancellationToken, ISourceReader> open)
    {
        _reader = reader;
        _configuration = configuration;
        _blocks = blocks;
        _facts = facts;
        _open = open;
    }

    /// <summary>The shared block cache's images, null when it is off (for tests).</summary>
    internal DecodedImageCache? Images => _blocks.Images;

    /// <summary>The region at the reduction cut from a cached block, or null when no block can serve it (the caller
    /// decodes directly).</summary>
    public Image? TryDecode(string path, SourceVersion version, PixelRect region, int reduce, CancellationToken cancellationToken)
    {
        var facts = FactsOf(path, version, cancellationToken);
        if (Jpeg2000Block.Locate(facts, region, reduce) is not { } block || !_blocks.CanHold(EstimateBytes(block.Size, facts)))
        {
            return null;
        }

        var key = new DecodedImageKey(path, version, block.Index, reduce);
        using var lease = _blocks.Acquire(key, EstimateBytes(block.Size, facts), () => Decode(path, version, block.Region, reduce, threads: 0, CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        return RegionCopier.Copy(lease.Image, block.Cut, block.Cut.Size, _configuration);
    }

    /// <summary>Decodes <paramref name="region"/> at <paramref name="reduce"/> from the file, its reads shaped by the
    /// file's tile-part index when it has TLM markers: OpenJPEG reads every tile-part header on its way to the tiles it
    /// decodes, and each of those reads would otherwise fill its whole stream buffer (one decode of a 10000x7500 file with
    /// 80 tiles read 17 MB of its 11 MB).</summary>
    public Image Decode(string path, SourceVersion version, PixelRect region, int reduce, CancellationToken cancellationToken) =>
        Decode(path, version, region, reduce, threads: 1, cancellationToken);

    /// <summary>Decodes with <paramref name="threads"/> OpenJPEG threads, or with 0 as many as the cores that no other
    /// JPEG 2000 decode is using: every tile of a block waits for the block's decode, and on a cold walk the other cores
    /// idled meanwhile (256 px walk of a 10000x7500 file on 2 cores: 1.09x faster in the median of seven alternated
    /// rounds, p99 a fifth lower), while decodes that run side by side already fill the cores.</summary>
    private Image Decode(string path, SourceVersion version, PixelRect region, int reduce, int threads, CancellationToken cancellationToken)
    {
        var parts = LayoutOf(path, version, cancellationToken).Parts;
        var reader = _open(path, cancellationToken);
        // A file replaced since it was resolved is read without the old version's index.
        using var stream = new SourceReadStream(reader, reader.Length == version.Length ? parts : null);
        var running = Interlocked.Increment(ref _decoding);
        try
        {
            var idleCores = Environment.ProcessorCount - running + 1;
            return _reader.Decode(stream, region, reduce, threads > 0 ? threads : Math.Clamp(idleCores, 1, MaxBlockDecodeThreads), cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _decoding);
        }
    }

    /// <summary>The file's header facts, read once per (path, version).</summary>
    public Jpeg2000Facts FactsOf(string path, SourceVersion version, CancellationToken cancellationToken) =>
        LayoutOf(path, version, cancellationToken).Facts;

    private LocalLayout LayoutOf(string path, SourceVersion version, CancellationToken cancellationToken) =>
        _facts.GetOrAdd(path, version, () =>
        {
            using var reader = _open(path, cancellationToken);
            var parts = TilePartIndex.TryRead(reader);
            using var stream = new SourceReadStream(reader, null);
            return new LocalLayout(Jpeg2000Reader.ReadFacts(stream, cancellationToken), parts);
        });

    /// <summary>What is kept per file version: the header facts and, when the file has TLM markers, its tile-part index.</summary>
    private sealed record LocalLayout(Jpeg2000Facts Facts, TilePartIndex? Parts);

    // The reader's pixel types hold one byte per channel: L8, La16, Rgb24 or Rgba32 (the real size replaces this later).
    private static long EstimateBytes(PixelSize size, Jpeg2000Facts facts) =>
        (long)size.Width * size.Height * Math.Clamp(Math.Max(facts.Components.Count, facts.ColorChannels), 1, 4);
}
