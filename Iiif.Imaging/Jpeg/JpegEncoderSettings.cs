using System.Globalization;
using Iiif.Imaging.Jpeg.Native;

namespace Iiif.Imaging.Jpeg;

/// <summary>How JPEG output is written: quality and progressive or baseline. Chroma subsampling follows the quality the
/// way ImageSharp 2.1.13's encoder chose it (4:2:0 up to quality 90, 4:4:4 above), so moving to TurboJPEG changed no
/// output's sampling.</summary>
/// <param name="Quality">1-100, scaling the standard (IJG) quantisation tables.</param>
/// <param name="Progressive">Progressive scans instead of one baseline scan.</param>
public sealed record JpegEncoderSettings(int Quality, bool Progressive)
{
    /// <summary>The lowest quality written without chroma subsampling.</summary>
    public const int FullChromaQuality = 91;

    /// <summary>The chroma subsampling for colour images.</summary>
    internal TjSubsampling ColorSubsampling => Quality >= FullChromaQuality ? TjSubsampling.S444 : TjSubsampling.S420;

    /// <summary>Everything that decides the bytes written for a given image, for derivative cache keys: the encoder,
    /// quality, subsampling and scan mode.</summary>
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"tj.q{Quality}.{(ColorSubsampling == TjSubsampling.S444 ? "444" : "420")}{(Progressive ? ".prog" : string.Empty)}");

    /// <summary>The TurboJPEG flags for these settings.</summary>
    internal TjFlags Flags => Progressive ? TjFlags.Progressive : TjFlags.None;
}
