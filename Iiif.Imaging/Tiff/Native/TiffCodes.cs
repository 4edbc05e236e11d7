namespace Iiif.Imaging.Tiff.Native;

/// <summary>Values of the Compression, Photometric, PlanarConfig, SampleFormat and ExtraSamples tags (TIFF 6.0 and the
/// registered extensions libtiff knows).</summary>
internal static class TiffCodes
{
    public const ushort CompressionNone = 1;
    public const ushort CompressionCcittRle = 2;
    public const ushort CompressionCcittFax3 = 3;
    public const ushort CompressionCcittFax4 = 4;
    public const ushort CompressionLzw = 5;
    public const ushort CompressionOldJpeg = 6;
    public const ushort CompressionJpeg = 7;
    public const ushort CompressionAdobeDeflate = 8;
    public const ushort CompressionPackBits = 32773;
    public const ushort CompressionDeflate = 32946;
    public const ushort CompressionJbig = 34661;
    public const ushort CompressionJpeg2000 = 34712;
    public const ushort CompressionLerc = 34887;
    public const ushort CompressionLzma = 34925;
    public const ushort CompressionZstd = 50000;
    public const ushort CompressionWebp = 50001;
    public const ushort CompressionJpegXl = 50002;

    public const ushort PhotometricMinIsWhite = 0;
    public const ushort PhotometricMinIsBlack = 1;
    public const ushort PhotometricRgb = 2;
    public const ushort PhotometricPalette = 3;
    public const ushort PhotometricSeparated = 5;
    public const ushort PhotometricYCbCr = 6;
    public const ushort PhotometricCieLab = 8;

    public const ushort PlanarContiguous = 1;
    public const ushort PlanarSeparate = 2;

    public const ushort SampleFormatUnsigned = 1;
    public const ushort SampleFormatSigned = 2;
    public const ushort SampleFormatFloat = 3;

    public const ushort ExtraSampleAssociatedAlpha = 1;
    public const ushort ExtraSampleUnassociatedAlpha = 2;

    public const ushort PredictorHorizontal = 2;

    /// <summary>A readable name for a compression scheme, for error messages.</summary>
    public static string CompressionName(ushort compression) => compression switch
    {
        CompressionNone => "none",
        CompressionCcittRle => "CCITT RLE",
        CompressionCcittFax3 => "CCITT Group 3",
        CompressionCcittFax4 => "CCITT Group 4",
        CompressionLzw => "LZW",
        CompressionOldJpeg => "old-style JPEG",
        CompressionJpeg => "JPEG",
        CompressionAdobeDeflate or CompressionDeflate => "Deflate",
        CompressionPackBits => "PackBits",
        CompressionJbig => "JBIG",
        CompressionJpeg2000 => "JPEG 2000 (Leadtools)",
        CompressionLerc => "LERC",
        CompressionLzma => "LZMA",
        CompressionZstd => "ZSTD",
        CompressionWebp => "WebP",
        CompressionJpegXl => "JPEG XL",
        _ => FormattableString.Invariant($"compression {compression}"),
    };

    /// <summary>A readable name for a photometric interpretation, for error messages.</summary>
    public static string PhotometricName(ushort photometric) => photometric switch
    {
        PhotometricMinIsWhite => "min-is-white",
        PhotometricMinIsBlack => "min-is-black",
        PhotometricRgb => "RGB",
        PhotometricPalette => "palette",
        4 => "transparency mask",
        PhotometricSeparated => "separated (CMYK)",
        PhotometricYCbCr => "YCbCr",
        PhotometricCieLab => "CIE L*a*b*",
        9 or 10 => "ICC/ITU L*a*b*",
        32803 => "colour filter array",
        32844 or 32845 => "LogL/LogLuv",
        _ => FormattableString.Invariant($"photometric {photometric}"),
    };
}
