namespace Iiif.Core.Requests;

/// <summary>The one number scanner for every request parameter. https://iiif.io/api/image/3.0/#47-floating-point-values: pixel values are integers; percentages and
/// rotation may be decimals written with digits and '.' only: no sign, no exponent, no whitespace, no group separators.
/// The scan never consults a culture, so a URL parses the same on every locale.</summary>
/// <remarks>Decisions: leading zeros are accepted (<c>007</c> is 7; the spec does not forbid them). A decimal needs digits on
/// both sides of its point (<c>.5</c> and <c>5.</c> are refused; the spec asks for the leading 0). At most
/// <see cref="MaxFractionDigits"/> fraction digits (2.1 suggests 10) and <see cref="MaxLength"/> characters in all, so huge
/// inputs fail before any arithmetic.</remarks>
internal static class StrictNumber
{
    /// <summary>The longest number accepted, leading zeros included.</summary>
    public const int MaxLength = 32;

    /// <summary>The most digits accepted after the decimal point.</summary>
    public const int MaxFractionDigits = 10;

    // Nine integer digits plus ten fraction digits still fit a ulong, so decimals are built without overflow checks.
    private const int MaxDecimalIntegerDigits = 9;
    private const int MaxIntegerDigits = 10;

    /// <summary>Scans a non-negative whole number that fits in <see cref="int"/>.</summary>
    public static NumberScan TryParseInteger(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        var check = CheckShape(text, allowPoint: false, out _);
        if (check != NumberScan.Ok)
        {
            return check;
        }

        var digits = text.TrimStart('0');
        if (digits.Length > MaxIntegerDigits)
        {
            return NumberScan.OutOfRange;
        }

        long accumulated = 0;
        foreach (var c in digits)
        {
            accumulated = (accumulated * 10) + (c - '0');
        }

        if (accumulated > int.MaxValue)
        {
            return NumberScan.OutOfRange;
        }

        value = (int)accumulated;
        return NumberScan.Ok;
    }

    /// <summary>Scans a non-negative decimal below one billion, e.g. <c>12</c>, <c>12.5</c> or <c>0.125</c>. The value
    /// carries no trailing zeros (<c>90.0</c> gives 90), as https://iiif.io/api/image/3.0/#47-floating-point-values asks of canonical decimals.</summary>
    public static NumberScan TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        var check = CheckShape(text, allowPoint: true, out var point);
        if (check != NumberScan.Ok)
        {
            return check;
        }

        var integerPart = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (fraction.Length > MaxFractionDigits)
        {
            return NumberScan.TooManyFractionDigits;
        }

        var significant = integerPart.TrimStart('0');
        if (significant.Length > MaxDecimalIntegerDigits)
        {
            return NumberScan.OutOfRange;
        }

        value = Compose(significant, fraction);
        return NumberScan.Ok;
    }

    /// <summary>A short phrase for a failed scan, to finish a sentence such as "x must be ...".</summary>
    public static string Describe(NumberScan scan, bool isDecimal) => scan switch
    {
        NumberScan.TooLong => $"at most {MaxLength} characters long",
        NumberScan.OutOfRange => isDecimal ? "below 1000000000" : $"at most {int.MaxValue}",
        NumberScan.TooManyFractionDigits => $"written with at most {MaxFractionDigits} digits after the point",
        _ => isDecimal
            ? "a non-negative decimal written with digits and at most one inner '.', such as 12 or 0.5"
            : "a non-negative whole number written with digits only, such as 12",
    };

    private static NumberScan CheckShape(ReadOnlySpan<char> text, bool allowPoint, out int point)
    {
        point = -1;
        if (text.IsEmpty)
        {
            return NumberScan.Malformed;
        }

        if (text.Length > MaxLength)
        {
            return NumberScan.TooLong;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                continue;
            }

            // One point, with a digit on each side.
            if (c != '.' || !allowPoint || point >= 0 || i == 0 || i == text.Length - 1)
            {
                return NumberScan.Malformed;
            }

            point = i;
        }

        return NumberScan.Ok;
    }

    private static decimal Compose(ReadOnlySpan<char> integerDigits, ReadOnlySpan<char> fractionDigits)
    {
        ulong mantissa = 0;
        foreach (var c in integerDigits)
        {
            mantissa = (mantissa * 10) + (ulong)(c - '0');
        }

        foreach (var c in fractionDigits)
        {
            mantissa = (mantissa * 10) + (ulong)(c - '0');
        }

        var scale = fractionDigits.Length;
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
    }
}
