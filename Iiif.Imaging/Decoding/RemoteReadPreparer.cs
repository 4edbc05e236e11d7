using System.Globalization;
using Iiif.Core.Planning;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iiif.Imaging.Decoding;

/// <summary>Fetches what a decode of a remote source will read before the decode starts (outside any render slot), so
/// the codec's synchronous reads are answered from the range cache: for JPEG 2000 with TLM markers the header and the
/// tile-parts of the tiles the region touches; for TIFF nothing up front (libtiff reads its directories and tiles on
/// demand through the cache); for formats that must be read whole (PNG, GIF, JPEG, JPEG 2000 without TLM) the whole
/// file, if it fits <see cref="RangeCacheOptions.MaxWholeSourceMegabytes"/>, said once per version in the log.</summary>
internal sealed class RemoteReadPreparer
{
    private readonly long _maxWholeBytes;
    private readonly ILogger _logger;

    public RemoteReadPreparer(IOptions<SourceRulesOptions> options, ILogger<RemoteReadPreparer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxWholeBytes = options.Value.RangeCache.MaxWholeSourceMegabytes * 1024L * 1024L;
        _logger = logger ?? NullLogger<RemoteReadPreparer>.Instance;
    }

    /// <summary>Prefetches for <paramref name="plan"/>, or for reading the header facts when it is null.</summary>
    /// <exception cref="SourceUnavailableException">The upstream failed.</exception>
    /// <exception cref="SourceTooLargeException">The source must be read whole and is larger than allowed.</exception>
    public async Task PrepareAsync(ImageSourceHandle source, RenderPlan? plan, CancellationToken cancellationToken)
    {
        if (source is not RemoteSourceHandle remote)
        {
            return;
        }

        var plans = remote.ReadPlan;
        if (plans is null)
        {
            plans = await ChooseAsync(remote, cancellationToken).ConfigureAwait(false);
            remote.RememberPlan(plans);
        }

        switch (plans)
        {
            case TilePartIndex index:
                await remote.PrefetchAsync(plan is null ? index.HeaderRanges : index.RangesFor(plan.SourceRegion), cancellationToken).ConfigureAwait(false);
                break;
            case WholeSource:
                await remote.PrefetchAsync([new ByteRange(0, remote.Length)], cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<IReadPlan> ChooseAsync(RemoteSourceHandle remote, CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(remote, TilePartIndex.HeadBytes, cancellationToken).ConfigureAwait(false);
        var format = SourceFormatSniffer.Detect(head.AsSpan(0, Math.Min(head.Length, SourceFormatSniffer.HeaderLength)));
        if (format is SourceFormat.Jp2 or SourceFormat.J2k)
        {
            // A long main header (many tiles, a large ICC profile) is read again with more bytes until it ends.
            for (var size = TilePartIndex.HeadBytes; size > 0;)
            {
                if (TilePartIndex.TryRead(head, remote.Length) is { } index)
                {
                    return index;
                }

                size = TilePartIndex.NextHeadSize(size, head.Length, remote.Length);
                if (size > 0)
                {
                    head = await ReadHeadAsync(remote, size, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (format is SourceFormat.Tiff or SourceFormat.Unknown)
        {
            return OnDemand.Instance;
        }

        if (remote.Length > _maxWholeBytes)
        {
            throw new SourceTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"The remote source '{remote.Identifier}' ({format}, {remote.Length} bytes) must be read whole and exceeds sources.rangeCache.maxWholeSourceMegabytes."));
        }

        Log.RemoteSourceReadWhole(_logger, remote.Identifier.Value, format, remote.Length);
        return WholeSource.Instance;
    }

    private static async Task<byte[]> ReadHeadAsync(RemoteSourceHandle remote, int size, CancellationToken cancellationToken)
    {
        var head = new byte[(int)Math.Min(size, remote.Length)];
        var read = await remote.ReadAsync(0, head, cancellationToken).ConfigureAwait(false);
        return read == head.Length ? head : head[..read];
    }

    /// <summary>Read the whole source first; reads are not shaped.</summary>
    private sealed class WholeSource : IReadPlan
    {
        public static readonly WholeSource Instance = new();

        public int Limit(long position, int requested) => requested;

        public int TryAnswer(long position, Span<byte> destination) => 0;
    }

    /// <summary>Nothing to fetch up front: the codec's reads fetch what they need.</summary>
    private sealed class OnDemand : IReadPlan
    {
        public static readonly OnDemand Instance = new();

        public int Limit(long position, int requested) => requested;

        public int TryAnswer(long position, Span<byte> destination) => 0;
    }
}
