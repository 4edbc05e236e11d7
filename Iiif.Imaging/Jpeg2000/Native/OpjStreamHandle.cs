using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>Owns an <c>opj_stream_t*</c> bridged to a .NET <see cref="Stream"/> through [UnmanagedCallersOnly]
/// callbacks, and the GCHandle to its <see cref="StreamContext"/>, freed after the stream is destroyed.</summary>
/// <remarks>The .NET stream itself is not disposed here: whoever opened it closes it.</remarks>
internal sealed unsafe class OpjStreamHandle : SafeHandle
{
    /// <summary>Internal buffer of the opj stream. Smaller than the library's 1 MB default because region decodes of
    /// tiled files jump between tile-parts and would otherwise read ahead a megabyte per jump.</summary>
    private const int BufferSize = 128 * 1024;

    private GCHandle _contextHandle;

    private OpjStreamHandle(nint stream, StreamContext context)
        : base(0, ownsHandle: true)
    {
        SetHandle(stream);
        Context = context;
        _contextHandle = GCHandle.Alloc(context);
    }

    /// <summary>The managed side of the stream.</summary>
    public StreamContext Context { get; }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>A read stream over <paramref name="stream"/> from its current position to its end.</summary>
    public static OpjStreamHandle ForReading(Stream stream, CancellationToken cancellationToken)
    {
        var context = new StreamContext(stream, stream.Length - stream.Position, cancellationToken);
        var handle = Create(isInput: true, context);
        NativeMethods.StreamSetReadFunction(handle, &StreamCallbacks.Read);
        NativeMethods.StreamSetSkipFunction(handle, &StreamCallbacks.SkipForRead);
        NativeMethods.StreamSetSeekFunction(handle, &StreamCallbacks.Seek);
        NativeMethods.StreamSetUserDataLength(handle, (ulong)context.Length);
        return handle;
    }

    /// <summary>A write stream into <paramref name="stream"/> (which must be seekable: the codec goes back to fill in
    /// marker lengths such as TLM) starting at its current position.</summary>
    public static OpjStreamHandle ForWriting(Stream stream, CancellationToken cancellationToken)
    {
        var context = new StreamContext(stream, -1, cancellationToken);
        var handle = Create(isInput: false, context);
        NativeMethods.StreamSetWriteFunction(handle, &StreamCallbacks.Write);
        NativeMethods.StreamSetSkipFunction(handle, &StreamCallbacks.SkipForWrite);
        NativeMethods.StreamSetSeekFunction(handle, &StreamCallbacks.Seek);
        return handle;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMethods.StreamDestroy(handle);
        if (_contextHandle.IsAllocated)
        {
            _contextHandle.Free();
        }

        return true;
    }

    private static OpjStreamHandle Create(bool isInput, StreamContext context)
    {
        var stream = NativeMethods.StreamCreate(BufferSize, isInput);
        if (stream == 0)
        {
            throw new InvalidOperationException("OpenJPEG could not create a stream.");
        }

        var handle = new OpjStreamHandle(stream, context);
        // No free function: the GCHandle is freed in ReleaseHandle, after opj_stream_destroy.
        NativeMethods.StreamSetUserData(handle, GCHandle.ToIntPtr(handle._contextHandle), 0);
        return handle;
    }
}
