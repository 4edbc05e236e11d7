using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg.Native;

/// <summary>Owns a <c>tjhandle</c> (a compressor, a decompressor or a transformer). A handle is not thread-safe: one call at a time.</summary>
internal sealed class TjHandle : SafeHandle
{
    private TjHandle(nint handle)
        : base(0, ownsHandle: true) => SetHandle(handle);

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>A new compressor.</summary>
    /// <exception cref="DllNotFoundException">libturbojpeg.so.0 is not installed.</exception>
    public static TjHandle CreateCompressor() => Create(NativeMethods.InitCompress(), "compressor");

    /// <summary>A new decompressor.</summary>
    /// <exception cref="DllNotFoundException">libturbojpeg.so.0 is not installed.</exception>
    public static TjHandle CreateDecompressor() => Create(NativeMethods.InitDecompress(), "decompressor");

    /// <summary>A new transformer (lossless operations on the DCT coefficients).</summary>
    /// <exception cref="DllNotFoundException">libturbojpeg.so.0 is not installed.</exception>
    public static TjHandle CreateTransformer() => Create(NativeMethods.InitTransform(), "transformer");

    /// <summary>The library's description of the last error or warning on this handle.</summary>
    public string LastError => Marshal.PtrToStringUTF8(NativeMethods.GetErrorString(this)) ?? "no reason given";

    /// <summary>True when the last failure was only a warning (the operation ran to its end, e.g. over corrupt data).</summary>
    public bool LastErrorIsWarning => NativeMethods.GetErrorCode(this) == TjErrorCode.Warning;

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => NativeMethods.Destroy(handle) == 0;

    private static TjHandle Create(nint handle, string kind) => handle != 0
        ? new TjHandle(handle)
        : throw new InvalidOperationException($"TurboJPEG could not create a {kind} (out of memory).");
}
