using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>Owns a libtiff <c>TIFF*</c> and the GCHandle its callbacks and message handlers point at; releasing closes
/// the TIFF first, then frees the GCHandle, so no callback can see a freed context.</summary>
/// <remarks>A handle is not thread-safe (libtiff keeps the current directory and codec state in it): one request uses
/// one handle. Every handle gets its own error and warning handlers and an allocation cap through
/// <c>TIFFOpenOptions</c>, so nothing is printed and no global state is shared between concurrent handles.</remarks>
internal sealed unsafe class TiffHandle : SafeHandle
{
    /// <summary>The largest single allocation libtiff may make for one handle (a strip or tile buffer, a tag array), so a
    /// crafted header cannot make it allocate gigabytes.</summary>
    public const long MaxSingleAllocation = 256L * 1024 * 1024;

    private GCHandle _contextHandle;

    static TiffHandle() => TiffGlobalHandlers.Silence();

    private TiffHandle(GCHandle contextHandle, TiffClientContext context)
        : base(0, ownsHandle: true)
    {
        _contextHandle = contextHandle;
        Context = context;
    }

    /// <summary>The callbacks' state and the messages libtiff reported.</summary>
    public TiffClientContext Context { get; }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Opens <paramref name="source"/> for reading through the client callbacks. With
    /// <paramref name="headerOnly"/>, no directory is read yet (select one with <c>TIFFSetSubDirectory</c>). Strip and
    /// tile offsets are loaded on demand, one entry at a time, instead of whole arrays.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a readable TIFF.</exception>
    public static TiffHandle OpenRead(TiffByteSource source, bool headerOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        // r = read; O = on-demand strile loading; m = never memory-map; h = header only.
        var mode = headerOnly ? "rOmh" : "rOm";
        return Open(new TiffClientContext(source, cancellationToken), (options, user) => NativeMethods.ClientOpen(
            "source", mode, user, &TiffClientCallbacks.Read, &TiffClientCallbacks.Write, &TiffClientCallbacks.Seek,
            &TiffClientCallbacks.Close, &TiffClientCallbacks.Size, &TiffClientCallbacks.Map, &TiffClientCallbacks.Unmap, options));
    }

    /// <summary>Creates a new TIFF file at <paramref name="path"/> (BigTIFF when <paramref name="bigTiff"/>) that libtiff
    /// writes itself.</summary>
    /// <exception cref="IOException">libtiff could not create the file.</exception>
    public static TiffHandle CreateFile(string path, bool bigTiff)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var context = new TiffClientContext(null, CancellationToken.None);
        try
        {
            return Open(context, (options, _) => NativeMethods.OpenFile(path, bigTiff ? "w8" : "w4", options));
        }
        catch (ImageDecodeException e)
        {
            throw new IOException($"Cannot create the TIFF file '{path}': {context.Messages.FirstError ?? e.Message}", e);
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMethods.Close(handle);
        if (_contextHandle.IsAllocated)
        {
            _contextHandle.Free();
        }

        return true;
    }

    private static TiffHandle Open(TiffClientContext context, Func<nint, nint, nint> open)
    {
        var contextHandle = GCHandle.Alloc(context);
        var user = GCHandle.ToIntPtr(contextHandle);
        var options = NativeMethods.OpenOptionsAlloc();
        nint tif = 0;
        try
        {
            if (options == 0)
            {
                throw new InvalidOperationException("libtiff could not allocate its open options.");
            }

            NativeMethods.OpenOptionsSetMaxSingleMemAlloc(options, (nint)MaxSingleAllocation);
            NativeMethods.OpenOptionsSetErrorHandler(options, &TiffMessageHandlers.OnError, user);
            NativeMethods.OpenOptionsSetWarningHandler(options, &TiffMessageHandlers.OnWarning, user);
            tif = open(options, user);
            if (tif == 0)
            {
                throw context.Failure("opening");
            }

            var result = new TiffHandle(contextHandle, context);
            result.SetHandle(tif);
            return result;
        }
        catch
        {
            if (tif != 0)
            {
                NativeMethods.Close(tif);
            }

            contextHandle.Free();
            throw;
        }
        finally
        {
            // libtiff copies what it needs from the options into the handle.
            if (options != 0)
            {
                NativeMethods.OpenOptionsFree(options);
            }
        }
    }
}
