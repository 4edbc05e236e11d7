using System.Runtime.InteropServices;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Whether the native TIFF codec (libtiff 4.5 or later) can be loaded, for the start-up check: a missing library
/// otherwise shows only when the first TIFF is requested or converted.</summary>
public static class TiffCodec
{
    /// <summary>The library file the layer binds (Debian package <c>libtiff6</c>).</summary>
    public const string Library = NativeMethods.Library;

    /// <summary>The Debian package that installs <see cref="Library"/>.</summary>
    public const string Package = "libtiff6";

    /// <summary>The library's version line (e.g. <c>LIBTIFF, Version 4.5.0</c>), or null when it cannot be loaded or
    /// lacks the per-handle options (<c>TIFFOpenOptionsAlloc</c>, libtiff 4.5) the reader opens every file with.</summary>
    public static string? TryGetVersion()
    {
        try
        {
            var version = Marshal.PtrToStringUTF8(NativeMethods.GetVersion());
            NativeMethods.OpenOptionsFree(NativeMethods.OpenOptionsAlloc());
            return string.IsNullOrEmpty(version) ? null : version.Split('\n')[0].Trim();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>True when <see cref="TryGetVersion"/> finds a usable library.</summary>
    public static bool IsAvailable() => TryGetVersion() is not null;
}
