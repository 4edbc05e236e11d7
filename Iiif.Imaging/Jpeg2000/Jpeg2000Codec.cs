using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Whether the native JPEG 2000 codec (OpenJPEG's libopenjp2) can be loaded, for health checks: a missing or
/// broken library otherwise shows only when the first JPEG 2000 image is requested.</summary>
public static class Jpeg2000Codec
{
    /// <summary>The library's version string, e.g. <c>2.5.0</c>. Calls <c>opj_version</c>, which allocates nothing.</summary>
    /// <exception cref="DllNotFoundException">libopenjp2 is not installed.</exception>
    /// <exception cref="EntryPointNotFoundException">The library found is not OpenJPEG 2.x.</exception>
    public static string Version() => Marshal.PtrToStringUTF8(NativeMethods.Version()) ?? string.Empty;

    /// <summary>The version, or null when the library cannot be loaded.</summary>
    public static string? TryGetVersion()
    {
        try
        {
            var version = Version();
            return version.Length > 0 ? version : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>True when <see cref="TryGetVersion"/> finds the library.</summary>
    public static bool IsAvailable() => TryGetVersion() is not null;
}
