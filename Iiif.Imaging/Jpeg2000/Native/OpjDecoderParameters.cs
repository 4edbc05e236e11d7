using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_dparameters_t</c> (8252 bytes, no pointers; offsets checked with offsetof against openjpeg.h 2.5.0).
/// Only the fields the reader sets are named; opj_set_default_decoder_parameters fills the rest.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8252)]
internal struct OpjDecoderParameters
{
    /// <summary>Resolution reduction; the reader leaves it 0 and uses opj_set_decoded_resolution_factor after the header.</summary>
    [FieldOffset(0)] public uint Reduce;

    /// <summary>Maximum number of quality layers to decode (0 = all).</summary>
    [FieldOffset(4)] public uint Layers;

    /// <summary>OPJ_DPARAMETERS_* flags.</summary>
    [FieldOffset(8248)] public uint Flags;
}
