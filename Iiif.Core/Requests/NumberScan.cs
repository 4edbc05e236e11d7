namespace Iiif.Core.Requests;

/// <summary>The outcome of a <see cref="StrictNumber"/> scan, so error messages can say what was wrong.</summary>
internal enum NumberScan
{
    /// <summary>A valid number.</summary>
    Ok,

    /// <summary>Empty, or a character other than an ASCII digit (and one inner '.' for decimals).</summary>
    Malformed,

    /// <summary>More characters than <see cref="StrictNumber.MaxLength"/>.</summary>
    TooLong,

    /// <summary>Well formed but too large for the target type.</summary>
    OutOfRange,

    /// <summary>More fraction digits than <see cref="StrictNumber.MaxFractionDigits"/>.</summary>
    TooManyFractionDigits,
}
