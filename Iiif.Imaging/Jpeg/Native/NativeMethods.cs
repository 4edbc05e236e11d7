using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg.Native;

/// <summary>P/Invoke declarations for the TurboJPEG 2.1 C API (turbojpeg.h of libjpeg-turbo 2.1). Only what the encoder,
/// the source decoder and the stored-tile crop use.</summary>
/// <remarks>The versioned soname is bound on purpose: the unversioned <c>libturbojpeg.so</c> link only exists when the
/// -dev package is installed. <c>unsigned long</c> is 64 bits on the LP64 Linux targets, hence <see cref="nuint"/>.
/// Every call reports errors through its return value and <c>tjGetErrorStr2</c>; the library catches libjpeg's fatal
/// errors itself (setjmp), so no error can unwind through managed frames.</remarks>
internal static unsafe partial class NativeMethods
{
    /// <summary>The library file name (Debian package libturbojpeg0).</summary>
    public const string Library = "libturbojpeg.so.0";

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjInitTransform")]
    public static partial nint InitTransform();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorString(TjHandle handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(TjHandle handle);

    [LibraryImport(Library, EntryPoint = "tjGetScalingFactors")]
    public static partial TjScalingFactor* GetScalingFactors(out int count);

    // Compression.
    [LibraryImport(Library, EntryPoint = "tjBufSize")]
    public static partial nuint BufferSize(int width, int height, int subsampling);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static partial int Compress(
        TjHandle handle, byte* source, int width, int pitch, int height, int pixelFormat,
        byte** jpeg, nuint* jpegSize, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjAlloc")]
    public static partial byte* Alloc(int bytes);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    public static partial void Free(byte* buffer);

    // Decompression.
    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader(
        TjHandle handle, byte* jpeg, nuint jpegSize, out int width, out int height, out int subsampling, out int colorspace);

    // Lossless transformation (on the DCT coefficients).
    [LibraryImport(Library, EntryPoint = "tjTransform")]
    public static partial int Transform(
        TjHandle handle, byte* jpeg, nuint jpegSize, int count, byte** destinations, nuint* destinationSizes, TjTransform* transforms, int flags);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static partial int Decompress(
        TjHandle handle, byte* jpeg, nuint jpegSize, byte* destination, int width, int pitch, int height, int pixelFormat, int flags);
}
