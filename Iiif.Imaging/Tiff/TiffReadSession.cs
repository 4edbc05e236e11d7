using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Tiff.Native;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>One request's access to a TIFF's blocks: lends them from the shared <see cref="DecodedBlockCache"/> or decodes
/// them for this request, opening the source and a libtiff handle only when a block must really be decoded, and moving
/// the handle straight to the level's directory by its offset.</summary>
/// <remarks>Blocks a region only partly uses are cached (the neighbouring requests a viewer sends next want the rest);
/// blocks used whole are decoded for the request alone. The handle reads with no cancellation token: a cached block's
/// decode may serve other requests waiting for it, so no single caller may abort it; the region reader checks the
/// caller's token between blocks instead.</remarks>
internal sealed class TiffReadSession : ITiffBlockSource, IDisposable
{
    private readonly ImageSourceHandle _source;
    private readonly string _location;
    private readonly DecodedBlockCache? _cache;
    private readonly Configuration _configuration;
    private readonly bool _deep;
    private TiffByteSource? _bytes;
    private TiffHandle? _tif;
    private TiffBlockDecoder? _decoder;
    private TiffLevel? _level;

    /// <summary>A session on <paramref name="source"/> (cache keys use <paramref name="location"/> and the source's
    /// version). Without a cache, or with <paramref name="deep"/> (16-bit output), every block is decoded afresh.</summary>
    public TiffReadSession(ImageSourceHandle source, string location, DecodedBlockCache? cache, Configuration configuration, bool deep)
    {
        _source = source;
        _location = location;
        _cache = cache;
        _configuration = configuration;
        _deep = deep;
    }

    /// <inheritdoc/>
    public TiffBlock Get(TiffLevel level, int index, bool wholeBlock)
    {
        var bytes = TiffBlockDecoder.WorkingBytes(level.Directory);
        if (!wholeBlock && !_deep && _cache is not null && _cache.CanHold(bytes))
        {
            var key = new DecodedImageKey(_location, _source.Version, index, level.Reduction);
            var lease = _cache.Acquire(key, bytes, () => DecoderFor(level).Decode(index, deep: false));
            return new TiffBlock(lease.Image, lease);
        }

        var image = DecoderFor(level).Decode(index, _deep);
        return new TiffBlock(image, image);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _tif?.Dispose();
        _bytes?.Dispose();
    }

    private TiffBlockDecoder DecoderFor(TiffLevel level)
    {
        if (_decoder is not null && ReferenceEquals(_level, level))
        {
            return _decoder;
        }

        _bytes ??= new TiffByteSource(SeekableSource.Open(_source));
        _tif ??= TiffHandle.OpenRead(_bytes, headerOnly: true, CancellationToken.None);
        if (NativeMethods.SetSubDirectory(_tif, level.Directory.Offset) == 0)
        {
            throw _tif.Context.Failure($"directory at {level.Directory.Offset}");
        }

        _decoder = new TiffBlockDecoder(_tif, level.Directory, _configuration);
        _level = level;
        return _decoder;
    }
}
