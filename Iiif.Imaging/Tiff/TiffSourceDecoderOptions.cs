namespace Iiif.Imaging.Tiff;

/// <summary>Settings of the TIFF decoder.</summary>
public sealed class TiffSourceDecoderOptions
{
    /// <summary>Answer a jpg request that is exactly one stored JPEG tile of a TIFF pyramid (its own grid and size, no
    /// rotation or mirror, default or color quality) with the stored tile's bytes, its JPEGTables and ICC profile
    /// spliced in, instead of decoding and re-encoding it. The tile keeps the quality it was stored at, not
    /// <c>imaging.jpegQuality</c>. Default true.</summary>
    public bool StoredTilePassthrough { get; set; } = true;
}
