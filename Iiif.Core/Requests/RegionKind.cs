namespace Iiif.Core.Requests;

/// <summary>The forms of the region parameter (https://iiif.io/api/image/3.0/#41-region), plus the old server's two square variants.</summary>
public enum RegionKind
{
    /// <summary><c>full</c>: the whole image.</summary>
    Full,

    /// <summary><c>square</c>: the largest centred square.</summary>
    Square,

    /// <summary><c>!square</c> (non-standard, from the old server): the square at the top or left end of the long side.</summary>
    SquareStart,

    /// <summary><c>square!</c> (non-standard, from the old server): the square at the bottom or right end of the long side.</summary>
    SquareEnd,

    /// <summary><c>x,y,w,h</c> in pixels.</summary>
    Pixels,

    /// <summary><c>pct:x,y,w,h</c> in percent of the reported width and height.</summary>
    Percent,
}
