namespace Iiif.Core.Requests;

/// <summary>A parsed region parameter. X, Y, Width and Height are whole numbers for <see cref="RegionKind.Pixels"/>,
/// percentages for <see cref="RegionKind.Percent"/>, and zero for the other kinds.</summary>
public readonly record struct RegionParameter(RegionKind Kind, decimal X, decimal Y, decimal Width, decimal Height)
{
    /// <summary>The <c>full</c> region.</summary>
    public static RegionParameter Full => new(RegionKind.Full, 0, 0, 0, 0);
}
