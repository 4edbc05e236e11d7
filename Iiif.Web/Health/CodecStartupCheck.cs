namespace Iiif.Web.Health;

/// <summary>Refuses to start without the JPEG 2000 codec: a server that listens but answers every JPEG 2000 request
/// with 500 would pass a port check and take real traffic. Checked before Kestrel binds its port.</summary>
internal static class CodecStartupCheck
{
    /// <summary>Exit code of a start-up stopped by a missing native library (EX_UNAVAILABLE of sysexits.h).</summary>
    public const int MissingCodecExitCode = 69;

    /// <summary>The message to report, or null when <paramref name="version"/> finds the library.</summary>
    public static string? Problem(Func<string?> version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version() is null
            ? "The JPEG 2000 codec could not be loaded: libopenjp2.so.7 is missing. On Debian/Ubuntu install it with "
                + "'apt-get install libopenjp2-7' (deploy/install.sh does), then start the server again."
            : null;
    }
}
