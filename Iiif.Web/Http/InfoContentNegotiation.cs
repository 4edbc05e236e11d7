using Iiif.Core.Info;
using Iiif.Core.Requests;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Http;

/// <summary>Chooses the info.json Content-Type from the Accept header (https://iiif.io/api/image/3.0/#51-image-information-request). 2.1: <c>application/json</c>
/// unless ld+json is asked for. 3.0: ld+json with the 3.0 context profile unless plain JSON is preferred. An Accept
/// that names neither gets the version's default rather than a 406.</summary>
internal static class InfoContentNegotiation
{
    public static string Choose(ApiVersion version, StringValues accept)
    {
        var (ld, json) = Qualities(accept);
        if (version == ApiVersion.V2)
        {
            return ld > 0 && ld >= json ? IiifContexts.JsonLdMediaType : IiifContexts.JsonMediaType;
        }

        return json > 0 && json > ld ? IiifContexts.JsonMediaType : IiifContexts.JsonLdV3MediaType;
    }

    // The q of application/ld+json and of application/json, each only from an exact mention (wildcards favour neither).
    private static (double LdJson, double Json) Qualities(StringValues accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types))
        {
            return (0, 0);
        }

        double ld = 0, json = 0;
        foreach (var type in types)
        {
            var q = type.Quality ?? 1.0;
            if (type.MediaType.Equals(IiifContexts.JsonLdMediaType, StringComparison.OrdinalIgnoreCase))
            {
                ld = Math.Max(ld, q);
            }
            else if (type.MediaType.Equals(IiifContexts.JsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, q);
            }
        }

        return (ld, json);
    }
}
