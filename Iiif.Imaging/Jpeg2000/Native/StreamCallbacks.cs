using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>The opj stream callbacks. Each catches everything (an exception must not unwind into C), records it on the
/// <see cref="StreamContext"/> and answers with the failure value the library expects.</summary>
internal static unsafe class StreamCallbacks
{
    /// <summary>(OPJ_SIZE_T)-1: end of stream or error, for read and write.</summary>
    private static readonly nuint Failed = nuint.MaxValue;

    [UnmanagedCallersOnly]
    public static nuint Read(void* buffer, nuint size, void* user)
    {
        try
        {
            var context = ContextOf(user);
            if (context.CancellationToken.IsCancellationRequested)
            {
                return Failed;
            }

            // One read: the library asks again for the rest of a short read, and a source shaped by a read plan stops
            // short on purpose (at the end of a tile-part) so the library's read-ahead never pulls in bytes it skips.
            var read = context.Stream.Read(new Span<byte>(buffer, (int)Math.Min(size, int.MaxValue)));

            // The library wants -1, not 0, at the end of the data.
            return read == 0 ? Failed : (nuint)read;
        }
        catch (Exception exception)
        {
            return Fail(user, exception, Failed);
        }
    }

    [UnmanagedCallersOnly]
    public static nuint Write(void* buffer, nuint size, void* user)
    {
        try
        {
            var context = ContextOf(user);
            if (context.CancellationToken.IsCancellationRequested)
            {
                return Failed;
            }

            context.Stream.Write(new ReadOnlySpan<byte>(buffer, checked((int)size)));
            return size;
        }
        catch (Exception exception)
        {
            return Fail(user, exception, Failed);
        }
    }

    /// <summary>Skips forward within the data. Returns -1 when nothing is left: the library loops until the requested
    /// count is consumed, so answering 0 at the end would spin forever.</summary>
    [UnmanagedCallersOnly]
    public static long SkipForRead(long count, void* user)
    {
        try
        {
            var context = ContextOf(user);
            var remaining = context.Length - context.Position;
            if (count < 0 || remaining <= 0)
            {
                return -1;
            }

            var skipped = Math.Min(count, remaining);
            context.Stream.Seek(skipped, SeekOrigin.Current);
            return skipped;
        }
        catch (Exception exception)
        {
            return Fail(user, exception, -1L);
        }
    }

    [UnmanagedCallersOnly]
    public static long SkipForWrite(long count, void* user)
    {
        try
        {
            ContextOf(user).Stream.Seek(count, SeekOrigin.Current);
            return count;
        }
        catch (Exception exception)
        {
            return Fail(user, exception, -1L);
        }
    }

    /// <summary>Seeks to an absolute codec offset. Refuses positions past the end when reading: the library asserts
    /// (and aborts the process) if its offset ever exceeds the user data length.</summary>
    [UnmanagedCallersOnly]
    public static int Seek(long position, void* user)
    {
        try
        {
            var context = ContextOf(user);
            if (position < 0 || (context.Length >= 0 && position > context.Length))
            {
                return 0;
            }

            context.Stream.Seek(context.Origin + position, SeekOrigin.Begin);
            return 1;
        }
        catch (Exception exception)
        {
            return Fail(user, exception, 0);
        }
    }

    private static StreamContext ContextOf(void* user) => (StreamContext)GCHandle.FromIntPtr((nint)user).Target!;

    private static T Fail<T>(void* user, Exception exception, T failure)
    {
        try
        {
            ContextOf(user).Record(exception);
        }
        catch (Exception)
        {
            // Nothing more can be done from inside a native callback.
        }

        return failure;
    }
}
