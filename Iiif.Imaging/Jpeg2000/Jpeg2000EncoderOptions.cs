namespace Iiif.Imaging.Jpeg2000;

/// <summary>How <see cref="Jpeg2000Encoder"/> lays out a file. The defaults make IIIF-friendly files: 1024-pixel tiles,
/// enough resolution levels for a thumbnail under 256 pixels, 256/128 precincts, RPCL order, PLT and TLM markers, so
/// a server can find and decode any region at any level without reading the rest of the file.</summary>
public sealed record Jpeg2000EncoderOptions
{
    /// <summary>True (default): reversible 5/3 wavelet, exact round trip. False: irreversible 9/7 wavelet.</summary>
    public bool Lossless { get; init; } = true;

    /// <summary>Compression ratios of the quality layers, most compressed first, each above 1 and strictly decreasing
    /// (e.g. 80, 40, 20). Lossless files always end with a lossless layer after these; lossy files with no ratios get
    /// one layer at 20:1.</summary>
    public IReadOnlyList<float> CompressionRatios { get; init; } = [];

    /// <summary>Tile width and height in pixels (default 1024); images smaller than a tile get a single tile.</summary>
    public int TileSize { get; init; } = 1024;

    /// <summary>Resolution levels (decomposition levels + 1). Null (default): the fewest that make the smallest level
    /// smaller than 256 pixels on its longer side, capped at what the tile size allows (2^(levels-1) &lt;= tile side).</summary>
    public int? Resolutions { get; init; }

    /// <summary>Packet progression order (default RPCL: resolution-major, position-addressable).</summary>
    public Jpeg2000ProgressionOrder ProgressionOrder { get; init; } = Jpeg2000ProgressionOrder.Rpcl;

    /// <summary>Write PLT markers (packet lengths per tile-part) so a decoder can skip to the packets it needs.</summary>
    public bool WritePacketLengths { get; init; } = true;

    /// <summary>Write TLM markers (tile-part lengths in the main header) so a decoder can seek straight to a tile.</summary>
    public bool WriteTileLengths { get; init; } = true;

    /// <summary>JP2 file (default) or raw J2K codestream (which cannot carry colour space, ICC profile or alpha).</summary>
    public Jpeg2000Container Container { get; init; } = Jpeg2000Container.Jp2;

    /// <summary>An ICC profile to embed (JP2 only). When empty, the image's own profile (ImageSharp metadata) is embedded
    /// if it has one and <see cref="EmbedImageIccProfile"/> is true.</summary>
    public ReadOnlyMemory<byte> IccProfile { get; init; }

    /// <summary>Embed the ICC profile found in the input image's metadata when <see cref="IccProfile"/> is empty (default true).</summary>
    public bool EmbedImageIccProfile { get; init; } = true;

    /// <summary>The image's horizontal offset on the reference grid (XOsiz); mostly for testing readers. The tile grid
    /// starts at the image origin.</summary>
    public int OriginX { get; init; }

    /// <summary>The image's vertical offset on the reference grid (YOsiz).</summary>
    public int OriginY { get; init; }

    /// <summary>Threads OpenJPEG may use for code-block coding (default 1).</summary>
    public int Threads { get; init; } = 1;
}
