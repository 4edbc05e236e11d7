using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>Turns off libtiff's process-wide error and warning handlers, which print to stderr. Every handle this layer
/// opens has its own handlers; this only catches messages libtiff emits without a handle (none are expected), so that
/// nothing is ever printed.</summary>
internal static partial class TiffGlobalHandlers
{
    private static int _silenced;

    /// <summary>Installs null global handlers once per process.</summary>
    public static void Silence()
    {
        if (Interlocked.Exchange(ref _silenced, 1) == 0)
        {
            SetErrorHandler(0);
            SetWarningHandler(0);
        }
    }

    [LibraryImport(NativeMethods.Library, EntryPoint = "TIFFSetErrorHandler")]
    private static partial nint SetErrorHandler(nint handler);

    [LibraryImport(NativeMethods.Library, EntryPoint = "TIFFSetWarningHandler")]
    private static partial nint SetWarningHandler(nint handler);
}
