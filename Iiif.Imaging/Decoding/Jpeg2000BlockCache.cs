using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Decoded JPEG 2000 tiles kept for reuse in the shared <see cref="DecodedBlockCache"/>: a request whose region
/// lies inside one tile gets it cut from that tile, decoded once at the request's reduction, instead of decoding its own
/// region. Header facts come from the shared <see cref="SourceFactsCache"/>. Thread-safe.</summary>
internal sealed class Jpeg2000BlockCache
{
    private readonly Jpeg2000Reader _reader;
    private readonly Configuration _configuration;
    private readonly DecodedBlockCache _blocks;
    private readonly SourceFactsCache _facts;

    public Jpeg2000BlockCache(Jpeg2000Reader reader, Configuration configuration, DecodedBlockCache blocks, SourceFactsCache facts)
    {
        _reader = reader;
        _configuration = configuration;
        _blocks = blocks;
        _facts = facts;
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
        using var lease = _blocks.Acquire(key, EstimateBytes(block.Size, facts), () => _reader.Decode(path, block.Region, reduce, CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        return RegionCopier.Copy(lease.Image, block.Cut, block.Cut.Size, _configuration);
    }

    /// <summary>The file's header facts, read once per (path, version).</summary>
    public Jpeg2000Facts FactsOf(string path, SourceVersion version, CancellationToken cancellationToken) =>
        _facts.GetOrAdd(path, version, () => Jpeg2000Reader.ReadFacts(path, cancellationToken));

    // The reader's pixel types hold one byte per channel: L8, La16, Rgb24 or Rgba32 (the real size replaces this later).
    private static long EstimateBytes(PixelSize size, Jpeg2000Facts facts) =>
        (long)size.Width * size.Height * Math.Clamp(Math.Max(facts.Components.Count, facts.ColorChannels), 1, 4);
}
