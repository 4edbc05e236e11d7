namespace Iiif.Imaging.Jpeg.Native;

/// <summary>The <c>TJFLAG_*</c> bits this layer passes (values from turbojpeg.h).</summary>
[Flags]
internal enum TjFlags
{
    /// <summary>No flag: the defaults (accurate integer DCT, smooth upsampling, baseline).</summary>
    None = 0,

    /// <summary>TJFLAG_NOREALLOC: the output buffer was sized with <c>tjBufSize</c> and must not be reallocated.</summary>
    NoRealloc = 1024,

    /// <summary>TJFLAG_PROGRESSIVE: write progressive JPEG.</summary>
    Progressive = 16384,

    /// <summary>TJFLAG_LIMITSCANS: refuse progressive files with an unreasonable number of scans (a known denial of
    /// service: each scan walks every coefficient again).</summary>
    LimitScans = 32768,
}
