using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>The client procedures <c>TIFFClientOpenExt</c> calls instead of doing file I/O itself, over a
/// <see cref="TiffClientContext"/>. Each catches everything (an exception must not unwind into C), records it, and
/// answers with the failure value libtiff expects.</summary>
internal static unsafe class TiffClientCallbacks
{
    private const ulong SeekFailed = ulong.MaxValue;

    [UnmanagedCallersOnly]
    public static nint Read(nint client, void* buffer, nint size)
    {
        try
        {
            var context = ContextOf(client);
            if (context.CancellationToken.IsCancellationRequested || size < 0 || context.Source is not { } source)
            {
                return -1;
            }

            var read = source.Read(context.Position, new Span<byte>(buffer, (int)Math.Min(size, int.MaxValue)));
            context.Position += read;
            return read;
        }
        catch (Exception exception)
        {
            return Fail(client, exception, -1);
        }
    }

    /// <summary>Handles opened through the client procedures only read.</summary>
    [UnmanagedCallersOnly]
    public static nint Write(nint client, void* buffer, nint size) => -1;

    /// <summary>Moves the position (whence 0 = from the start, 1 = from here, 2 = from the end; the offset is a signed
    /// value carried in an unsigned one). Positions past the end are allowed: reads there return nothing.</summary>
    [UnmanagedCallersOnly]
    public static ulong Seek(nint client, ulong offset, int whence)
    {
        try
        {
            var context = ContextOf(client);
            var length = context.Source?.Length ?? 0;
            long target = whence switch
            {
                0 => (long)offset,
                1 => context.Position + (long)offset,
                2 => length + (long)offset,
                _ => -1,
            };
            if (target < 0)
            {
                return SeekFailed;
            }

            context.Position = target;
            return (ulong)target;
        }
        catch (Exception exception)
        {
            return Fail(client, exception, SeekFailed);
        }
    }

    /// <summary>The source is closed by whoever opened it, after the handle.</summary>
    [UnmanagedCallersOnly]
    public static int Close(nint client) => 0;

    [UnmanagedCallersOnly]
    public static ulong Size(nint client)
    {
        try
        {
            return (ulong)(ContextOf(client).Source?.Length ?? 0);
        }
        catch (Exception exception)
        {
            return Fail(client, exception, 0UL);
        }
    }

    /// <summary>Never maps: 0 tells libtiff to read through <see cref="Read"/>.</summary>
    [UnmanagedCallersOnly]
    public static int Map(nint client, void** baseAddress, ulong* size) => 0;

    [UnmanagedCallersOnly]
    public static void Unmap(nint client, void* baseAddress, ulong size)
    {
    }

    private static TiffClientContext ContextOf(nint client) => (TiffClientContext)GCHandle.FromIntPtr(client).Target!;

    private static T Fail<T>(nint client, Exception exception, T failure)
    {
        try
        {
            ContextOf(client).Record(exception);
        }
        catch (Exception)
        {
            // Nothing more can be done from inside a native callback.
        }

        return failure;
    }
}
