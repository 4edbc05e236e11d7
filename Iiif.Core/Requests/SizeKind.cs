namespace Iiif.Core.Requests;

/// <summary>The forms of the size parameter (https://iiif.io/api/image/3.0/#42-size). Whether <c>^</c> was given is a separate flag.</summary>
public enum SizeKind
{
    /// <summary>2.1 <c>full</c>: the region unscaled (deprecated in 2.1, invalid in 3.0).</summary>
    Full,

    /// <summary><c>max</c>: the region at its own size or smaller if the limits require (3.0 <c>^max</c>: as large as the limits allow).</summary>
    Max,

    /// <summary><c>w,</c>: width given, height from the aspect ratio.</summary>
    Width,

    /// <summary><c>,h</c>: height given, width from the aspect ratio.</summary>
    Height,

    /// <summary><c>pct:n</c>: n percent of the region.</summary>
    Percent,

    /// <summary><c>w,h</c>: exactly w by h, distortion allowed.</summary>
    Exact,

    /// <summary><c>!w,h</c>: the largest aspect-preserving size that fits inside w by h.</summary>
    BestFit,
}
