namespace Iiif.Web.Health;

/// <summary>Refuses to start without the native codecs: a server that listens but answers every JPEG 2000 or JPEG
/// request with 500 would pass a port check and take real traffic. Checked before Kestrel binds its port.</summary>
internal static class CodecStartupCheck
{
    /// <summary>Exit code of a start-up stopped by a missing native library (EX_UNAVAILABLE of sysexits.h).</summary>
    public const int MissingCodecExitCode = 69;

    /// <summary>The message to report, naming every missing library and its Debian package, or null when
    /// <paramref name="jpeg2000Version"/> finds OpenJPEG and <paramref name="jpegAvailable"/> finds TurboJPEG.</summary>
    public static string? Problem(Func<string?> jpeg2000Version, Func<bool> jpegAvailable)
    {
        ArgumentNullException.ThrowIfNull(jpeg2000Version);
        ArgumentNullException.ThrowIfNull(jpegAvailable);
        var missing = new List<(string Library, string Format, string Package)>();
        if (jpeg2000Version() is null)
        {
            missing.Add(("libopenjp2.so.7", "JPEG 2000", "libopenjp2-7"));
        }

        if (!jpegAvailable())
        {
            missing.Add(("libturbojpeg.so.0", "JPEG", "libturbojpeg0"));
        }

        return missing.Count == 0
            ? null
            : $"The image codecs could not be loaded: {string.Join(", ", missing.Select(m => $"{m.Library} ({m.Format})"))} "
                + $"{(missing.Count == 1 ? "is" : "are")} missing. On Debian/Ubuntu install "
                + $"{(missing.Count == 1 ? "it" : "them")} with 'apt-get install {string.Join(' ', missing.Select(m => m.Package))}' "
                + "(deploy/install.sh does), then start the server again.";
    }
}
