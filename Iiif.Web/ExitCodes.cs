namespace Iiif.Web;

/// <summary>Every exit code of the executable, in one place (the README lists them; the systemd units do not restart on
/// the ones that would fail again: <c>RestartPreventExitStatus=69 71 78</c>). Codes above 2 come from sysexits.h.</summary>
internal static class ExitCodes
{
    /// <summary>Done; or the server stopped on SIGTERM / Ctrl+C.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, a fault of the machine); the one line on standard error names it.</summary>
    public const int Failure = 1;

    /// <summary>A command's bad arguments or configuration, unusable input or output, or an item that failed.</summary>
    public const int UserError = 2;

    /// <summary>The server found a native codec missing (libopenjp2.so.7, libtiff.so.6 or libturbojpeg.so.0): EX_UNAVAILABLE.</summary>
    public const int MissingCodec = 69;

    /// <summary>The server cannot listen on a configured address (in use, not allowed, not on this host): EX_OSERR.</summary>
    public const int CannotListen = 71;

    /// <summary>The server's configuration or command line is invalid: EX_CONFIG.</summary>
    public const int Configuration = 78;
}
