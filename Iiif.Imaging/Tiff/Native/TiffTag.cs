namespace Iiif.Imaging.Tiff.Native;

/// <summary>The tag numbers (TIFF 6.0 and libtiff's pseudo-tags) this layer reads or writes.</summary>
internal static class TiffTag
{
    public const uint SubfileType = 254;
    public const uint ImageWidth = 256;
    public const uint ImageLength = 257;
    public const uint BitsPerSample = 258;
    public const uint Compression = 259;
    public const uint Photometric = 262;
    public const uint SamplesPerPixel = 277;
    public const uint RowsPerStrip = 278;
    public const uint PlanarConfig = 284;
    public const uint Predictor = 317;
    public const uint ColorMap = 320;
    public const uint TileWidth = 322;
    public const uint TileLength = 323;
    public const uint SubIfd = 330;
    public const uint ExtraSamples = 338;
    public const uint SampleFormat = 339;
    public const uint JpegTables = 347;
    public const uint YCbCrSubsampling = 530;
    public const uint IccProfile = 34675;

    /// <summary>libtiff pseudo-tag: JPEG quality used when writing (1-100).</summary>
    public const uint JpegQuality = 65537;

    /// <summary>libtiff pseudo-tag: with <see cref="JpegColorModeRgb"/>, the JPEG codec converts YCbCr to RGB (reading)
    /// and RGB to YCbCr (writing) itself.</summary>
    public const uint JpegColorMode = 65538;

    /// <summary>libtiff pseudo-tag: Deflate level when writing (1-9).</summary>
    public const uint ZipQuality = 65557;

    public const int JpegColorModeRgb = 1;

    /// <summary>SubfileType bit 0: a reduced-resolution version of another image in the file.</summary>
    public const uint ReducedImage = 1;
}
