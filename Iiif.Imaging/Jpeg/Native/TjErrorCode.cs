namespace Iiif.Imaging.Jpeg.Native;

/// <summary><c>enum TJERR</c>: what <c>tjGetErrorCode</c> returns after a failed call.</summary>
internal static class TjErrorCode
{
    /// <summary>TJERR_WARNING: non-fatal; the call completed (e.g. corrupt entropy data was replaced by zeros).</summary>
    public const int Warning = 0;

    /// <summary>TJERR_FATAL: the call stopped.</summary>
    public const int Fatal = 1;
}
