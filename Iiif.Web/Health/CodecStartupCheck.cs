using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;

namespace Iiif.Web.Health;

/// <summary>Refuses to start without the native codecs: a server that listens but answers every JPEG 2000, TIFF or JPEG
/// request with 500 would pass a port check and take real traffic. Checked before Kestrel binds its port.</summary>
internal static class CodecStartupCheck
{
    /// <summary>Exit code of a start-up stopped by a missing native library (EX_UNAVAILABLE of sysexits.h).</summary>
    public const int MissingCodecExitCode = 69;

    /// <summary>The codecs the server loads in-process, each with a probe that loads it.</summary>
    public static IReadOnlyList<NativeCodec> Codecs { get; } =
    [
        new("libopenjp2.so.7", "JPEG 2000", "libopenjp2-7", Jpeg2000Codec.IsAvailable),
        new(TiffCodec.Library, "TIFF", TiffCodec.Package, TiffCodec.IsAvailable),
        new(TurboJpegCodec.Library, "JPEG", TurboJpegCodec.Package, TurboJpegCodec.IsAvailable),
    ];

    /// <summary>The message to report, naming every missing library and its Debian package, or null when every probe of
    /// <paramref name="codecs"/> finds its library.</summary>
    public static string? Problem(IEnumerable<NativeCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        var missing = codecs.Where(c => !c.IsAvailable()).ToList();
        return missing.Count == 0
            ? null
            : $"The image codecs could not be loaded: {string.Join(", ", missing.Select(m => $"{m.Library} ({m.Format})"))} "
                + $"{(missing.Count == 1 ? "is" : "are")} missing. On Debian/Ubuntu install "
                + $"{(missing.Count == 1 ? "it" : "them")} with 'apt-get install {string.Join(' ', missing.Select(m => m.Package))}' "
                + "(deploy/install.sh does), then start the server again.";
    }
}

/// <summary>A native codec library: its file, the format it decodes, its Debian package and a probe that loads it.</summary>
internal sealed record NativeCodec(string Library, string Format, string Package, Func<bool> IsAvailable);
