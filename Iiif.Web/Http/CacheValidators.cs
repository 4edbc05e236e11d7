using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Iiif.Core.Info;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Http;

/// <summary>A response's strong ETag and Last-Modified (RFC 9110 §8.8), and the conditional-GET check that answers 304.</summary>
/// <param name="ETag">The quoted strong entity tag.</param>
/// <param name="LastModified">The source's modification time, whole seconds (HTTP dates have no finer resolution).</param>
internal sealed record CacheValidators(string ETag, DateTimeOffset LastModified)
{
    /// <summary>Validators from the parts that decide the bytes: for an image its canonical request, the source version
    /// and the format; for info.json the identifier, source version, API version, media type and base URI.</summary>
    /// <remarks>A 128-bit non-cryptographic hash: an entity tag only has to change when the bytes do, and this runs on
    /// every request, cache hits included, where SHA-256 through the platform's crypto library cost a measurable share.</remarks>
    public static CacheValidators From(SourceVersion version, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join('\n', parts) + "\n" + version.Token;
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes(text));
        var tag = "\"" + Convert.ToHexStringLower(hash) + "\"";
        var modified = version.LastModified.ToUniversalTime();
        return new CacheValidators(tag, modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>The Last-Modified header value (an HTTP date), formatted once.</summary>
    public string LastModifiedText { get; } = LastModified.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); else If-Modified-Since.</summary>
    public bool IsNotModified(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Most requests are not conditional: answer those without parsing any header.
        if (request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0)
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            var ours = new EntityTagHeaderValue(ETag);
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && LastModified <= since;
    }

    public void Apply(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ETag = ETag;
        headers.LastModified = LastModifiedText;
    }
}
