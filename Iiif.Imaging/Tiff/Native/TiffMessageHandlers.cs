using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>libtiff's per-handle error and warning handlers (<c>TIFFErrorHandlerExtR</c>): each formats the message with
/// the C library's <c>vsnprintf</c> and adds it to the handle's <see cref="TiffClientContext.Messages"/>. Returning 1
/// tells libtiff the message is handled, so it never reaches the process-wide handler or stderr.</summary>
internal static unsafe partial class TiffMessageHandlers
{
    private const int BufferLength = 512;

    [UnmanagedCallersOnly]
    public static int OnError(nint tif, nint user, sbyte* module, sbyte* format, nint arguments) =>
        Deliver(0, user, module, format, arguments);

    [UnmanagedCallersOnly]
    public static int OnWarning(nint tif, nint user, sbyte* module, sbyte* format, nint arguments) =>
        Deliver(1, user, module, format, arguments);

    /// <summary>Formats into a fixed buffer. The <c>va_list</c> arrives as one pointer-sized value on x86-64 (an array
    /// that decays to a pointer) and on arm64 Linux (a large struct passed by reference), and is passed on as such.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "vsnprintf")]
    private static partial int FormatMessage(byte* buffer, nuint length, sbyte* format, nint arguments);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Deliver(int severity, nint user, sbyte* module, sbyte* format, nint arguments)
    {
        // An exception must never cross back into C.
        try
        {
            if (user == 0 || GCHandle.FromIntPtr(user).Target is not TiffClientContext context
                || !context.Messages.HasRoom(severity) || format == null)
            {
                return 1;
            }

            var buffer = stackalloc byte[BufferLength];
            var length = FormatMessage(buffer, BufferLength, format, arguments);
            var text = length < 0 ? string.Empty : Marshal.PtrToStringUTF8((nint)buffer, Math.Min(length, BufferLength - 1));
            var prefix = module == null ? string.Empty : Marshal.PtrToStringUTF8((nint)module) + ": ";
            context.Messages.Add(severity, prefix + text);
        }
        catch (Exception)
        {
            // Losing a diagnostic message is better than crashing the process.
        }

        return 1;
    }
}
