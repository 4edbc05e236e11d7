using System.Globalization;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>Builds <see cref="ImageRequest"/> values from a URL tail such as <c>pct:10,10,50,50/^,200/!90/default.png</c>,
/// so planner tests read like the spec. Test-only and trusting: it assumes well-formed input (the real parser lives in
/// Core/Requests and is tested there).</summary>
internal static class RequestBuilder
{
    public static ImageIdentifier Identifier { get; } = new("test-image");

    public static ImageRequest V2(string tail) => Build(ApiVersion.V2, tail);

    public static ImageRequest V3(string tail) => Build(ApiVersion.V3, tail);

    public static ImageRequest Build(ApiVersion version, string tail)
    {
        var parts = tail.Split('/');
        if (parts.Length != 4)
        {
            throw new ArgumentException($"Expected region/size/rotation/quality.format, got '{tail}'.", nameof(tail));
        }

        var dot = parts[3].LastIndexOf('.');
        if (!ImageQualities.TryParse(parts[3][..dot], out var quality) || !ImageFormats.TryParse(parts[3][(dot + 1)..], out var format))
        {
            throw new ArgumentException($"Bad quality or format in '{tail}'.", nameof(tail));
        }

        return new ImageRequest(version, Identifier, Region(parts[0]), Size(parts[1]), Rotation(parts[2]), quality, format);
    }

    public static RegionParameter Region(string text)
    {
        switch (text)
        {
            case "full": return RegionParameter.Full;
            case "square": return new RegionParameter(RegionKind.Square, 0, 0, 0, 0);
            case "!square": return new RegionParameter(RegionKind.SquareStart, 0, 0, 0, 0);
            case "square!": return new RegionParameter(RegionKind.SquareEnd, 0, 0, 0, 0);
        }

        var percent = text.StartsWith("pct:", StringComparison.Ordinal);
        var numbers = Decimals(percent ? text[4..] : text);
        return new RegionParameter(percent ? RegionKind.Percent : RegionKind.Pixels, numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    public static SizeParameter Size(string text)
    {
        var upscale = text.StartsWith('^');
        var body = upscale ? text[1..] : text;
        if (body == "full" || body == "max")
        {
            return new SizeParameter(body == "full" ? SizeKind.Full : SizeKind.Max, null, null, 0, upscale);
        }

        if (body.StartsWith("pct:", StringComparison.Ordinal))
        {
            return new SizeParameter(SizeKind.Percent, null, null, Decimal(body[4..]), upscale);
        }

        var bestFit = body.StartsWith('!');
        var pair = (bestFit ? body[1..] : body).Split(',');
        int? width = pair[0].Length == 0 ? null : int.Parse(pair[0], CultureInfo.InvariantCulture);
        int? height = pair[1].Length == 0 ? null : int.Parse(pair[1], CultureInfo.InvariantCulture);
        var kind = bestFit ? SizeKind.BestFit : (width, height) switch
        {
            (null, _) => SizeKind.Height,
            (_, null) => SizeKind.Width,
            _ => SizeKind.Exact,
        };
        return new SizeParameter(kind, width, height, 0, upscale);
    }

    public static RotationParameter Rotation(string text)
    {
        var mirror = text.StartsWith('!');
        return new RotationParameter(Decimal(mirror ? text[1..] : text), mirror);
    }

    private static decimal[] Decimals(string text) => text.Split(',').Select(Decimal).ToArray();

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
