using Microsoft.AspNetCore.Http.Headers;

namespace Iiif.Web.Auth;

/// <summary>The languages a reader asked for (Accept-Language, RFC 9110 §12.5.4), best first, to pick the texts of the
/// access service pages from a policy's language maps.</summary>
internal static class ReaderLanguages
{
    /// <summary>More than enough for any browser; a longer header is cut rather than sorted whole.</summary>
    private const int MaxLanguages = 16;

    public static IReadOnlyList<string> Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.AcceptLanguage.Count == 0)
        {
            return [];
        }

        RequestHeaders headers = request.GetTypedHeaders();
        return [.. headers.AcceptLanguage
            .Where(l => l.Quality is not 0 && l.Value.HasValue && l.Value.Value != "*")
            .Take(MaxLanguages)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!)];
    }
}
