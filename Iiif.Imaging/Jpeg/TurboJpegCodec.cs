using Iiif.Imaging.Jpeg.Native;

namespace Iiif.Imaging.Jpeg;

/// <summary>Whether the native JPEG codec (libjpeg-turbo's TurboJPEG library) can be loaded, for the start-up check: a
/// missing library otherwise shows only when the first JPEG is requested or written.</summary>
public static class TurboJpegCodec
{
    /// <summary>The library file the layer binds (Debian package <c>libturbojpeg0</c>).</summary>
    public const string Library = NativeMethods.Library;

    /// <summary>The Debian package that installs <see cref="Library"/>.</summary>
    public const string Package = "libturbojpeg0";

    /// <summary>True when the library loads and offers the DCT scaling factors the decoder uses (1/2, 1/4, 1/8). Calls
    /// <c>tjGetScalingFactors</c>, which returns a static table and allocates nothing.</summary>
    public static bool IsAvailable()
    {
        try
        {
            return SupportsReductions();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>True when 1/2, 1/4 and 1/8 are among the library's scaling factors (every libjpeg-turbo since 1.2 has
    /// them; checked because the decoder relies on them).</summary>
    internal static unsafe bool SupportsReductions()
    {
        var factors = NativeMethods.GetScalingFactors(out var count);
        if (factors == null)
        {
            return false;
        }

        var found = 0;
        for (var i = 0; i < count; i++)
        {
            if (factors[i].Num == 1 && factors[i].Denom is 2 or 4 or 8)
            {
                found++;
            }
        }

        return found == 3;
    }
}
