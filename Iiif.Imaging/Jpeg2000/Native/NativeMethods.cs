using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>P/Invoke declarations for the OpenJPEG 2.5 C API (openjpeg.h). Only what the reader and encoder use.</summary>
/// <remarks>The versioned soname is bound on purpose: the unversioned <c>libopenjp2.so</c> link only exists when the -dev
/// package is installed. Struct layouts live beside these in Opj*.cs and were checked with offsetof against the 2.5 header.</remarks>
internal static unsafe partial class NativeMethods
{
    /// <summary>The library file name (Debian package libopenjp2-7).</summary>
    public const string Library = "libopenjp2.so.7";

    /// <summary>OPJ_CODEC_J2K: a raw codestream.</summary>
    public const int CodecJ2k = 0;

    /// <summary>OPJ_CODEC_JP2: the JP2 file format.</summary>
    public const int CodecJp2 = 2;

    [LibraryImport(Library, EntryPoint = "opj_version")]
    public static partial nint Version();

    // Codec lifetime and messages.
    [LibraryImport(Library, EntryPoint = "opj_create_decompress")]
    public static partial nint CreateDecompress(int format);

    [LibraryImport(Library, EntryPoint = "opj_create_compress")]
    public static partial nint CreateCompress(int format);

    [LibraryImport(Library, EntryPoint = "opj_destroy_codec")]
    public static partial void DestroyCodec(nint codec);

    [LibraryImport(Library, EntryPoint = "opj_set_info_handler")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetInfoHandler(OpjCodecHandle codec, delegate* unmanaged<sbyte*, void*, void> callback, nint userData);

    [LibraryImport(Library, EntryPoint = "opj_set_warning_handler")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetWarningHandler(OpjCodecHandle codec, delegate* unmanaged<sbyte*, void*, void> callback, nint userData);

    [LibraryImport(Library, EntryPoint = "opj_set_error_handler")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetErrorHandler(OpjCodecHandle codec, delegate* unmanaged<sbyte*, void*, void> callback, nint userData);

    [LibraryImport(Library, EntryPoint = "opj_codec_set_threads")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetThreads(OpjCodecHandle codec, int threads);

    // Decoding.
    [LibraryImport(Library, EntryPoint = "opj_set_default_decoder_parameters")]
    public static partial void SetDefaultDecoderParameters(OpjDecoderParameters* parameters);

    [LibraryImport(Library, EntryPoint = "opj_setup_decoder")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetupDecoder(OpjCodecHandle codec, OpjDecoderParameters* parameters);

    [LibraryImport(Library, EntryPoint = "opj_read_header")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool ReadHeader(OpjStreamHandle stream, OpjCodecHandle codec, out nint image);

    [LibraryImport(Library, EntryPoint = "opj_set_decoded_resolution_factor")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetDecodedResolutionFactor(OpjCodecHandle codec, uint factor);

    [LibraryImport(Library, EntryPoint = "opj_set_decode_area")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetDecodeArea(OpjCodecHandle codec, OpjImageHandle image, int x0, int y0, int x1, int y1);

    [LibraryImport(Library, EntryPoint = "opj_decode")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool Decode(OpjCodecHandle codec, OpjStreamHandle stream, OpjImageHandle image);

    [LibraryImport(Library, EntryPoint = "opj_get_decoded_tile")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GetDecodedTile(OpjCodecHandle codec, OpjStreamHandle stream, OpjImageHandle image, uint tileIndex);

    [LibraryImport(Library, EntryPoint = "opj_decoder_set_strict_mode")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetStrictMode(OpjCodecHandle codec, [MarshalAs(UnmanagedType.Bool)] bool strict);

    [LibraryImport(Library, EntryPoint = "opj_end_decompress")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool EndDecompress(OpjCodecHandle codec, OpjStreamHandle stream);

    [LibraryImport(Library, EntryPoint = "opj_get_cstr_info")]
    public static partial OpjCodestreamInfo* GetCodestreamInfo(OpjCodecHandle codec);

    [LibraryImport(Library, EntryPoint = "opj_destroy_cstr_info")]
    public static partial void DestroyCodestreamInfo(OpjCodestreamInfo** info);

    // Images.
    [LibraryImport(Library, EntryPoint = "opj_image_tile_create")]
    public static partial nint ImageTileCreate(uint componentCount, OpjComponentParameters* parameters, int colorSpace);

    [LibraryImport(Library, EntryPoint = "opj_image_destroy")]
    public static partial void ImageDestroy(nint image);

    // Encoding.
    [LibraryImport(Library, EntryPoint = "opj_set_default_encoder_parameters")]
    public static partial void SetDefaultEncoderParameters(OpjEncoderParameters* parameters);

    [LibraryImport(Library, EntryPoint = "opj_setup_encoder")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetupEncoder(OpjCodecHandle codec, OpjEncoderParameters* parameters, OpjImageHandle image);

    [LibraryImport(Library, EntryPoint = "opj_encoder_set_extra_options")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetExtraOptions(OpjCodecHandle codec, byte** options);

    [LibraryImport(Library, EntryPoint = "opj_start_compress")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StartCompress(OpjCodecHandle codec, OpjImageHandle image, OpjStreamHandle stream);

    [LibraryImport(Library, EntryPoint = "opj_write_tile")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool WriteTile(OpjCodecHandle codec, uint tileIndex, byte* data, uint dataSize, OpjStreamHandle stream);

    [LibraryImport(Library, EntryPoint = "opj_end_compress")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool EndCompress(OpjCodecHandle codec, OpjStreamHandle stream);

    // Streams.
    [LibraryImport(Library, EntryPoint = "opj_stream_create")]
    public static partial nint StreamCreate(nuint bufferSize, [MarshalAs(UnmanagedType.Bool)] bool isInput);

    [LibraryImport(Library, EntryPoint = "opj_stream_destroy")]
    public static partial void StreamDestroy(nint stream);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_read_function")]
    public static partial void StreamSetReadFunction(OpjStreamHandle stream, delegate* unmanaged<void*, nuint, void*, nuint> read);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_write_function")]
    public static partial void StreamSetWriteFunction(OpjStreamHandle stream, delegate* unmanaged<void*, nuint, void*, nuint> write);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_skip_function")]
    public static partial void StreamSetSkipFunction(OpjStreamHandle stream, delegate* unmanaged<long, void*, long> skip);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_seek_function")]
    public static partial void StreamSetSeekFunction(OpjStreamHandle stream, delegate* unmanaged<long, void*, int> seek);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_user_data")]
    public static partial void StreamSetUserData(OpjStreamHandle stream, nint userData, nint freeFunction);

    [LibraryImport(Library, EntryPoint = "opj_stream_set_user_data_length")]
    public static partial void StreamSetUserDataLength(OpjStreamHandle stream, ulong length);
}
