using Iiif.Core.Errors;

namespace Iiif.Core.Requests;

/// <summary>The region grammar (https://iiif.io/api/image/3.0/#41-region, the same in 2.1 and 3.0) plus the old server's <c>!square</c> and <c>square!</c>.</summary>
internal static class RegionSyntax
{
    private const string Parameter = "region";
    private const string PercentPrefix = "pct:";
    private const string Expected = "expected full, square, x,y,w,h in whole pixels or pct:x,y,w,h in percent";
    private static readonly string[] Names = ["x", "y", "w", "h"];

    public static Result<RegionParameter> Parse(string text) => text switch
    {
        "full" => RegionParameter.Full,
        "square" => Keyword(RegionKind.Square),
        "!square" => Keyword(RegionKind.SquareStart),
        "square!" => Keyword(RegionKind.SquareEnd),
        _ => ParseNumbers(text),
    };

    private static RegionParameter Keyword(RegionKind kind) => new(kind, 0, 0, 0, 0);

    private static Result<RegionParameter> ParseNumbers(string text)
    {
        var isPercent = text.StartsWith(PercentPrefix, StringComparison.Ordinal);
        var body = isPercent ? text.AsSpan(PercentPrefix.Length) : text.AsSpan();
        Span<Range> parts = stackalloc Range[Names.Length + 1];
        var count = body.Split(parts, ',');
        if (count != Names.Length)
        {
            return ErrorText.Invalid(Parameter, text, $"{Expected}, with exactly four comma-separated numbers");
        }

        Span<decimal> values = stackalloc decimal[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            var scan = ScanOne(body[parts[i]], isPercent, out values[i]);
            if (scan != NumberScan.Ok)
            {
                var unit = isPercent ? "in a pct: region" : "in a pixel region";
                return ErrorText.Invalid(Parameter, text, $"{Names[i]} {unit} must be {StrictNumber.Describe(scan, isPercent)}");
            }
        }

        // https://iiif.io/api/image/3.0/#41-region: a region of zero width or height SHOULD give 400, whatever the image, so it is refused here already.
        if (values[2] == 0 || values[3] == 0)
        {
            return ErrorText.Invalid(Parameter, text, "w and h must be greater than 0 (a region of zero width or height is empty)");
        }

        var kind = isPercent ? RegionKind.Percent : RegionKind.Pixels;
        return new RegionParameter(kind, values[0], values[1], values[2], values[3]);
    }

    private static NumberScan ScanOne(ReadOnlySpan<char> text, bool isPercent, out decimal value)
    {
        if (isPercent)
        {
            return StrictNumber.TryParseDecimal(text, out value);
        }

        var scan = StrictNumber.TryParseInteger(text, out var pixels);
        value = pixels;
        return scan;
    }
}
