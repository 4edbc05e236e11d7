using Iiif.Core.Errors;
using Iiif.Core.Identifiers;

namespace Iiif.Core.Requests;

/// <summary>Parses the five image request parameters (https://iiif.io/api/image/3.0/#4-image-requests) into an <see cref="ImageRequest"/>. Syntax only: nothing
/// here knows the image, so clipping, upscaling and limits are left to the planner. Every malformed input gives a 400
/// <see cref="IiifError"/> naming the parameter; no input makes it throw. Parsing never depends on the current culture.</summary>
/// <remarks>The parameters arrive already percent-decoded once (see <see cref="IiifPathParser"/>). Keywords, qualities and
/// formats are case-sensitive. Leading zeros in numbers are accepted (<c>007</c> is 7). Zero widths and heights, and
/// <c>pct:0</c> sizes, are refused here because https://iiif.io/api/image/3.0/#41-region and https://iiif.io/api/image/3.0/#42-size make them 400 for every image.</remarks>
public static class ImageRequestParser
{
    private const string Rotation = "rotation";
    private const string Quality = "quality";
    private const string Format = "format";

    private static readonly string QualityList = string.Join(", ", ImageQualities.All.Select(ImageQualities.Token));
    private static readonly string FormatList = string.Join(", ", ImageFormats.All.Select(ImageFormats.Extension));

    /// <summary>Parses a region: <c>full</c>, <c>square</c>, <c>!square</c>, <c>square!</c>, <c>x,y,w,h</c> (whole pixels)
    /// or <c>pct:x,y,w,h</c> (decimals). Percentages above 100 pass; the planner clips or refuses them.</summary>
    public static Result<RegionParameter> ParseRegion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegionSyntax.Parse(text);
    }

    /// <summary>Parses a size. 2.1: <c>full</c>, <c>max</c>, <c>w,</c>, <c>,h</c>, <c>pct:n</c>, <c>w,h</c>, <c>!w,h</c>.
    /// 3.0: the same without <c>full</c>, each with an optional <c>^</c> prefix.</summary>
    public static Result<SizeParameter> ParseSize(ApiVersion version, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ThrowIfUndefined(version);
        return SizeSyntax.Parse(version, text);
    }

    /// <summary>Parses a rotation: decimal degrees from 0 to 360 inclusive, optionally preceded by <c>!</c> to mirror
    /// first (https://iiif.io/api/image/3.0/#43-rotation).</summary>
    public static Result<RotationParameter> ParseRotation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mirror = text.StartsWith('!');
        var scan = StrictNumber.TryParseDecimal(mirror ? text.AsSpan(1) : text, out var degrees);
        if (scan != NumberScan.Ok)
        {
            var reason = $"expected degrees from 0 to 360, optionally preceded by '!' to mirror; degrees must be {StrictNumber.Describe(scan, isDecimal: true)}";
            return ErrorText.Invalid(Rotation, text, reason);
        }

        if (degrees > 360)
        {
            return ErrorText.Invalid(Rotation, text, "degrees must be between 0 and 360");
        }

        return new RotationParameter(degrees, mirror);
    }

    /// <summary>Parses a quality token, exactly and case-sensitively (https://iiif.io/api/image/3.0/#44-quality: <c>grey</c> and <c>native</c> are not
    /// qualities in 2.1 or 3.0).</summary>
    public static Result<ImageQuality> ParseQuality(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ImageQualities.TryParse(text, out var quality)
            ? quality
            : ErrorText.Invalid(Quality, text, $"expected one of {QualityList}");
    }

    /// <summary>Parses a format extension, exactly and case-sensitively (https://iiif.io/api/image/3.0/#45-format: <c>jpeg</c>, <c>tiff</c> and
    /// <c>JPG</c> are refused).</summary>
    public static Result<ImageFormat> ParseFormat(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ImageFormats.TryParse(text, out var format)
            ? format
            : ErrorText.Invalid(Format, text, $"expected one of {FormatList} (lower case)");
    }

    /// <summary>Parses the image parameters of a path split by <see cref="IiifPathParser"/>.</summary>
    /// <exception cref="ArgumentException">The path is not an image request.</exception>
    public static Result<ImageRequest> Parse(ApiVersion version, IiifPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Kind != IiifPathKind.Image)
        {
            throw new ArgumentException($"Expected an image request path, got a {path.Kind} path.", nameof(path));
        }

        return Parse(version, path.Identifier, path.Region!, path.Size!, path.Rotation!, path.QualityAndFormat!);
    }

    /// <summary>Parses a whole image request. <paramref name="qualityDotFormat"/> is the last path segment, e.g.
    /// <c>default.jpg</c>; the format is the suffix after its last '.' (https://iiif.io/api/image/3.0/#2-uri-syntax). The first error found is reported, in
    /// the order region, size, rotation, quality, format.</summary>
    public static Result<ImageRequest> Parse(
        ApiVersion version,
        ImageIdentifier identifier,
        string region,
        string size,
        string rotation,
        string qualityDotFormat)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier.Value, nameof(identifier));
        ArgumentNullException.ThrowIfNull(qualityDotFormat);
        var regionResult = ParseRegion(region);
        if (!regionResult.IsSuccess)
        {
            return regionResult.Error;
        }

        var sizeResult = ParseSize(version, size);
        if (!sizeResult.IsSuccess)
        {
            return sizeResult.Error;
        }

        var rotationResult = ParseRotation(rotation);
        if (!rotationResult.IsSuccess)
        {
            return rotationResult.Error;
        }

        var tail = ParseQualityAndFormat(qualityDotFormat);
        if (!tail.IsSuccess)
        {
            return tail.Error;
        }

        var (quality, format) = tail.Value;
        return new ImageRequest(version, identifier, regionResult.Value, sizeResult.Value, rotationResult.Value, quality, format);
    }

    private static Result<(ImageQuality Quality, ImageFormat Format)> ParseQualityAndFormat(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot < 0)
        {
            return ErrorText.Invalid(Format, text, "the last segment must be {quality}.{format}, e.g. default.jpg");
        }

        var quality = ParseQuality(text[..dot]);
        if (!quality.IsSuccess)
        {
            return quality.Error;
        }

        var format = ParseFormat(text[(dot + 1)..]);
        return format.IsSuccess ? (quality.Value, format.Value) : format.Error;
    }

    private static void ThrowIfUndefined(ApiVersion version)
    {
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown API version.");
        }
    }
}
