using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>Owns an <c>opj_image_t*</c> (from opj_read_header or opj_image_tile_create).</summary>
internal sealed unsafe class OpjImageHandle : SafeHandle
{
    /// <summary>Wraps <paramref name="image"/>, which may be 0 (then <see cref="SafeHandle.IsInvalid"/> is true).</summary>
    public OpjImageHandle(nint image)
        : base(0, ownsHandle: true) => SetHandle(image);

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The image struct. Valid while this handle is alive.</summary>
    public OpjImage* Image => (OpjImage*)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMethods.ImageDestroy(handle);
        return true;
    }
}
