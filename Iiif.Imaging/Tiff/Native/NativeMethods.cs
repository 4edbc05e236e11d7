using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>P/Invoke declarations for libtiff 4.5 (tiffio.h). Only what the reader and the pyramid writer use.</summary>
/// <remarks>
/// <para>The versioned soname is bound on purpose: the unversioned <c>libtiff.so</c> link only exists when the -dev package
/// is installed.</para>
/// <para><c>TIFFGetField</c> and <c>TIFFSetField</c> are C varargs functions. They are declared here once per argument
/// shape (integers and pointers only): on x86-64 and arm64 Linux variadic integer and pointer arguments travel in the
/// same registers as fixed ones, so a fixed signature reaches them correctly. Doubles (the resolution tags) are never
/// passed: x86-64 variadic calls also need the vector-register count in AL, which a fixed signature does not set. These
/// declarations would not work on macOS arm64, where variadic arguments go on the stack.</para>
/// </remarks>
internal static unsafe partial class NativeMethods
{
    /// <summary>The library file name (Debian package libtiff6).</summary>
    public const string Library = "libtiff.so.6";

    [LibraryImport(Library, EntryPoint = "TIFFGetVersion")]
    public static partial nint GetVersion();

    [LibraryImport(Library, EntryPoint = "TIFFIsCODECConfigured")]
    public static partial int IsCodecConfigured(ushort scheme);

    // Opening, with per-handle error handlers and an allocation cap (TIFFOpenOptions, libtiff 4.5).
    [LibraryImport(Library, EntryPoint = "TIFFOpenOptionsAlloc")]
    public static partial nint OpenOptionsAlloc();

    [LibraryImport(Library, EntryPoint = "TIFFOpenOptionsFree")]
    public static partial void OpenOptionsFree(nint options);

    [LibraryImport(Library, EntryPoint = "TIFFOpenOptionsSetMaxSingleMemAlloc")]
    public static partial void OpenOptionsSetMaxSingleMemAlloc(nint options, nint maxBytes);

    [LibraryImport(Library, EntryPoint = "TIFFOpenOptionsSetErrorHandlerExtR")]
    public static partial void OpenOptionsSetErrorHandler(
        nint options, delegate* unmanaged<nint, nint, sbyte*, sbyte*, nint, int> handler, nint userData);

    [LibraryImport(Library, EntryPoint = "TIFFOpenOptionsSetWarningHandlerExtR")]
    public static partial void OpenOptionsSetWarningHandler(
        nint options, delegate* unmanaged<nint, nint, sbyte*, sbyte*, nint, int> handler, nint userData);

    [LibraryImport(Library, EntryPoint = "TIFFClientOpenExt", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ClientOpen(
        string name,
        string mode,
        nint clientData,
        delegate* unmanaged<nint, void*, nint, nint> read,
        delegate* unmanaged<nint, void*, nint, nint> write,
        delegate* unmanaged<nint, ulong, int, ulong> seek,
        delegate* unmanaged<nint, int> close,
        delegate* unmanaged<nint, ulong> size,
        delegate* unmanaged<nint, void**, ulong*, int> map,
        delegate* unmanaged<nint, void*, ulong, void> unmap,
        nint options);

    [LibraryImport(Library, EntryPoint = "TIFFOpenExt", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OpenFile(string path, string mode, nint options);

    [LibraryImport(Library, EntryPoint = "TIFFClose")]
    public static partial void Close(nint tif);

    // Directories.
    [LibraryImport(Library, EntryPoint = "TIFFReadDirectory")]
    public static partial int ReadDirectory(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFSetSubDirectory")]
    public static partial int SetSubDirectory(TiffHandle tif, ulong offset);

    [LibraryImport(Library, EntryPoint = "TIFFCurrentDirOffset")]
    public static partial ulong CurrentDirOffset(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFIsTiled")]
    public static partial int IsTiled(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFIsBigTIFF")]
    public static partial int IsBigTiff(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFWriteDirectory")]
    public static partial int WriteDirectory(TiffHandle tif);

    // Strips and tiles ("striles").
    [LibraryImport(Library, EntryPoint = "TIFFTileSize64")]
    public static partial ulong TileSize(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFStripSize64")]
    public static partial ulong StripSize(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFNumberOfTiles")]
    public static partial uint NumberOfTiles(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFNumberOfStrips")]
    public static partial uint NumberOfStrips(TiffHandle tif);

    [LibraryImport(Library, EntryPoint = "TIFFReadEncodedTile")]
    public static partial nint ReadEncodedTile(TiffHandle tif, uint tile, void* buffer, nint size);

    [LibraryImport(Library, EntryPoint = "TIFFReadEncodedStrip")]
    public static partial nint ReadEncodedStrip(TiffHandle tif, uint strip, void* buffer, nint size);

    [LibraryImport(Library, EntryPoint = "TIFFReadRawTile")]
    public static partial nint ReadRawTile(TiffHandle tif, uint tile, void* buffer, nint size);

    [LibraryImport(Library, EntryPoint = "TIFFReadRGBATileExt")]
    public static partial int ReadRgbaTile(TiffHandle tif, uint x, uint y, uint* raster, int stopOnError);

    [LibraryImport(Library, EntryPoint = "TIFFReadRGBAStripExt")]
    public static partial int ReadRgbaStrip(TiffHandle tif, uint row, uint* raster, int stopOnError);

    /// <summary>1 when the RGBA interface can read the current directory; else 0 with the reason in a 1024-byte buffer.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFRGBAImageOK")]
    public static partial int RgbaImageOk(TiffHandle tif, byte* message);

    [LibraryImport(Library, EntryPoint = "TIFFGetStrileOffsetWithErr")]
    public static partial ulong GetStrileOffset(TiffHandle tif, uint strile, out int error);

    [LibraryImport(Library, EntryPoint = "TIFFGetStrileByteCountWithErr")]
    public static partial ulong GetStrileByteCount(TiffHandle tif, uint strile, out int error);

    [LibraryImport(Library, EntryPoint = "TIFFWriteEncodedTile")]
    public static partial nint WriteEncodedTile(TiffHandle tif, uint tile, void* data, nint size);

    // TIFFGetField / TIFFGetFieldDefaulted, one declaration per argument shape (see the remarks above).
    [LibraryImport(Library, EntryPoint = "TIFFGetField")]
    public static partial int GetField(TiffHandle tif, uint tag, ushort* value);

    [LibraryImport(Library, EntryPoint = "TIFFGetField")]
    public static partial int GetField(TiffHandle tif, uint tag, uint* value);

    [LibraryImport(Library, EntryPoint = "TIFFGetFieldDefaulted")]
    public static partial int GetFieldDefaulted(TiffHandle tif, uint tag, ushort* value);

    [LibraryImport(Library, EntryPoint = "TIFFGetFieldDefaulted")]
    public static partial int GetFieldDefaulted(TiffHandle tif, uint tag, uint* value);

    /// <summary>Two uint16 values (YCbCrSubsampling).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFGetFieldDefaulted")]
    public static partial int GetFieldDefaulted(TiffHandle tif, uint tag, ushort* first, ushort* second);

    /// <summary>A uint16 count and an array (ExtraSamples: uint16[]; SubIFD: uint64[]).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFGetField")]
    public static partial int GetField(TiffHandle tif, uint tag, ushort* count, void** array);

    /// <summary>A uint32 count and a byte array (ICCProfile, JPEGTables).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFGetField")]
    public static partial int GetField(TiffHandle tif, uint tag, uint* count, void** array);

    /// <summary>Three uint16 arrays (ColorMap).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFGetField")]
    public static partial int GetField(TiffHandle tif, uint tag, ushort** red, ushort** green, ushort** blue);

    // TIFFSetField, integers and pointers only.
    [LibraryImport(Library, EntryPoint = "TIFFSetField")]
    public static partial int SetField(TiffHandle tif, uint tag, int value);

    [LibraryImport(Library, EntryPoint = "TIFFSetField")]
    public static partial int SetField(TiffHandle tif, uint tag, int first, int second);

    /// <summary>A count and an array (ExtraSamples: uint16 count promoted to int, uint16*; SubIFD: uint16 count, uint64*;
    /// ICCProfile: uint32 count, void*).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFSetField")]
    public static partial int SetField(TiffHandle tif, uint tag, int count, void* array);
}
