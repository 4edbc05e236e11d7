using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>Owns an <c>opj_codec_t*</c> and the GCHandle its message handlers point at; releasing destroys the codec
/// first, then frees the GCHandle, so no callback can see a freed collector.</summary>
internal sealed class OpjCodecHandle : SafeHandle
{
    private GCHandle _messagesHandle;

    private OpjCodecHandle(nint codec, CodecMessages messages)
        : base(0, ownsHandle: true)
    {
        SetHandle(codec);
        Messages = messages;
        _messagesHandle = GCHandle.Alloc(messages);
    }

    /// <summary>The messages the codec has reported so far.</summary>
    public CodecMessages Messages { get; }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>Creates a decompressor for <paramref name="format"/> with message handlers installed and one thread
    /// (parallelism comes from concurrent requests, not from inside one decode; see opj-notes).</summary>
    public static OpjCodecHandle CreateDecompress(int format) => Create(NativeMethods.CreateDecompress(format));

    /// <summary>Creates a compressor for <paramref name="format"/> with message handlers installed.</summary>
    public static OpjCodecHandle CreateCompress(int format) => Create(NativeMethods.CreateCompress(format));

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMethods.DestroyCodec(handle);
        if (_messagesHandle.IsAllocated)
        {
            _messagesHandle.Free();
        }

        return true;
    }

    private static OpjCodecHandle Create(nint codec)
    {
        if (codec == 0)
        {
            throw new InvalidOperationException("OpenJPEG could not create a codec.");
        }

        var handle = new OpjCodecHandle(codec, new CodecMessages());
        CodecMessages.Install(handle, GCHandle.ToIntPtr(handle._messagesHandle));
        return handle;
    }
}
