using System.Globalization;
using System.Text;
using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Web.Http;

/// <summary>The header values of IIIF responses (https://iiif.io/api/image/3.0/#71-cors, https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document, https://iiif.io/api/image/3.0/#72-successful-responses, https://iiif.io/api/image/3.0/#10-security-considerations), built in one place.</summary>
internal static class IiifHeaders
{
    /// <summary>Images and info.json are a function of the source version: clients and proxies may keep them a day.</summary>
    public const string CachePublic = "public, max-age=86400";

    /// <summary>Client errors are not stored, so a corrected request or a newly added image is seen at once.</summary>
    public const string CacheNoStore = "no-store";

    public const string AllowedMethods = "GET, HEAD, OPTIONS";

    public const string PreflightMaxAge = "86400";

    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document: <c>&lt;canonical&gt;;rel="canonical", &lt;level2&gt;;rel="profile"</c>.</summary>
    public static string ImageLink(string canonicalUri, ApiVersion version) =>
        "<" + canonicalUri + ">;rel=\"canonical\", " + IiifProfiles.ProfileLinkHeader(version);

    /// <summary>RFC 6266: <c>inline</c> with an ASCII <c>filename</c> made of the identifier and the parameters, plus
    /// <c>filename*</c> in UTF-8 when the identifier is not plain ASCII.</summary>
    public static string ContentDisposition(IiifPath path, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        var quality = path.QualityAndFormat ?? string.Empty;
        var dot = quality.LastIndexOf('.');
        var stem = string.Join('-', path.Identifier.Value, path.Region, path.Size, path.Rotation, dot >= 0 ? quality[..dot] : quality);
        var extension = "." + ImageFormats.Extension(format);
        var ascii = AsciiSafe(stem) + extension;
        var header = "inline; filename=\"" + ascii + "\"";
        return stem.All(char.IsAscii) ? header : header + "; filename*=UTF-8''" + Uri.EscapeDataString(Unicode(stem) + extension);
    }

    /// <summary>The requested headers of a CORS preflight, echoed only when they are a plain list of header names.</summary>
    public static string? AllowedHeaders(string? requested) =>
        requested is { Length: > 0 and <= 1024 } && requested.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ',' or ' ')
            ? requested
            : null;

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static string AsciiSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ',' or '!' ? c : '_');
        }

        return builder.ToString();
    }

    // filename* may carry any character; path separators, quotes and controls are still replaced.
    private static string Unicode(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '/' or '\\' or '"' ? '_' : c));
}
