namespace Iiif.Core.Requests;

/// <summary>A parsed size parameter.</summary>
/// <param name="Kind">Which form was used.</param>
/// <param name="Width">The requested width for <c>w,</c>, <c>w,h</c>, <c>!w,h</c>; otherwise null.</param>
/// <param name="Height">The requested height for <c>,h</c>, <c>w,h</c>, <c>!w,h</c>; otherwise null.</param>
/// <param name="Percent">The percentage for <c>pct:n</c>; otherwise 0.</param>
/// <param name="Upscale">True when the 3.0 <c>^</c> prefix was given (always false for 2.1).</param>
public readonly record struct SizeParameter(SizeKind Kind, int? Width, int? Height, decimal Percent, bool Upscale)
{
    /// <summary>The <c>max</c> size without <c>^</c>.</summary>
    public static SizeParameter Max => new(SizeKind.Max, null, null, 0, false);
}
