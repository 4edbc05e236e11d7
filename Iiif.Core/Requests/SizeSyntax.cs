using Iiif.Core.Errors;

namespace Iiif.Core.Requests;

/// <summary>The size grammar: 2.1 (https://iiif.io/api/image/2.1/#42-size) and 3.0 with its <c>^</c> upscaling prefix (https://iiif.io/api/image/3.0/#42-size). Syntax only:
/// whether a size fits the region or the server limits is the planner's business.</summary>
internal static class SizeSyntax
{
    private const string Parameter = "size";
    private const string PercentPrefix = "pct:";
    private const string ExpectedV2 = "expected full, max, w,, ,h, pct:n, w,h or !w,h";
    private const string ExpectedV3 = "expected max, w,, ,h, pct:n, w,h or !w,h, each optionally preceded by ^ to allow upscaling";

    public static Result<SizeParameter> Parse(ApiVersion version, string text)
    {
        var body = text.AsSpan();
        var upscale = body.StartsWith('^');
        if (upscale)
        {
            // https://iiif.io/api/image/3.0/#42-size: '^' is new in 3.0; in 2.1 it is just an unknown character.
            if (version == ApiVersion.V2)
            {
                return ErrorText.Invalid(Parameter, text, "the '^' upscaling prefix exists only in Image API 3.0");
            }

            body = body[1..];
        }

        if (body is "full")
        {
            return version == ApiVersion.V2
                ? new SizeParameter(SizeKind.Full, null, null, 0, false)
                : ErrorText.Invalid(Parameter, text, "'full' was removed in Image API 3.0; use 'max'");
        }

        if (body is "max")
        {
            return SizeParameter.Max with { Upscale = upscale };
        }

        if (body.StartsWith(PercentPrefix, StringComparison.Ordinal))
        {
            return ParsePercent(text, body[PercentPrefix.Length..], upscale);
        }

        return ParseDimensions(version, text, body, upscale);
    }

    private static Result<SizeParameter> ParsePercent(string text, ReadOnlySpan<char> number, bool upscale)
    {
        var scan = StrictNumber.TryParseDecimal(number, out var percent);
        if (scan != NumberScan.Ok)
        {
            return ErrorText.Invalid(Parameter, text, $"n in pct:n must be {StrictNumber.Describe(scan, isDecimal: true)}");
        }

        // https://iiif.io/api/image/3.0/#42-size: a result of 0 px SHOULD give 400; pct:0 is zero for every region.
        if (percent == 0)
        {
            return ErrorText.Invalid(Parameter, text, "n in pct:n must be greater than 0");
        }

        return new SizeParameter(SizeKind.Percent, null, null, percent, upscale);
    }

    private static Result<SizeParameter> ParseDimensions(ApiVersion version, string text, ReadOnlySpan<char> body, bool upscale)
    {
        var bestFit = body.StartsWith('!');
        if (bestFit)
        {
            body = body[1..];
        }

        var comma = body.IndexOf(',');
        if (comma < 0 || body[(comma + 1)..].Contains(','))
        {
            return ErrorText.Invalid(Parameter, text, version == ApiVersion.V2 ? ExpectedV2 : ExpectedV3);
        }

        var widthText = body[..comma];
        var heightText = body[(comma + 1)..];
        if ((widthText.IsEmpty && heightText.IsEmpty) || (bestFit && (widthText.IsEmpty || heightText.IsEmpty)))
        {
            var reason = bestFit ? "!w,h needs both a width and a height" : "w,h needs a width, a height or both";
            return ErrorText.Invalid(Parameter, text, reason);
        }

        var width = ParseDimension(text, widthText, "width");
        if (!width.IsSuccess)
        {
            return width.Error;
        }

        var height = ParseDimension(text, heightText, "height");
        if (!height.IsSuccess)
        {
            return height.Error;
        }

        var kind = bestFit ? SizeKind.BestFit : (width.Value, height.Value) switch
        {
            (not null, not null) => SizeKind.Exact,
            (not null, null) => SizeKind.Width,
            _ => SizeKind.Height,
        };
        return new SizeParameter(kind, width.Value, height.Value, 0, upscale);
    }

    // Success with null means "not given" (the empty side of w, or ,h).
    private static Result<int?> ParseDimension(string text, ReadOnlySpan<char> digits, string name)
    {
        if (digits.IsEmpty)
        {
            return Result<int?>.Ok(null);
        }

        var scan = StrictNumber.TryParseInteger(digits, out var value);
        if (scan != NumberScan.Ok)
        {
            return ErrorText.Invalid(Parameter, text, $"{name} must be {StrictNumber.Describe(scan, isDecimal: false)}");
        }

        // https://iiif.io/api/image/3.0/#42-size: a width or height of 0 px SHOULD give 400, whatever the region.
        if (value == 0)
        {
            return ErrorText.Invalid(Parameter, text, $"{name} must be at least 1");
        }

        return Result<int?>.Ok(value);
    }
}
