using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;

namespace Iiif.Web.Viewer;

/// <summary>URLs the viewer pages link to. The identifier is percent-encoded as one path segment (a '/' inside it
/// becomes <c>%2F</c>, as https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding asks), and the info.json URL honours the configured prefix and default
/// version, which the old viewer's script did not (it only understood an empty prefix or "iiif").</summary>
internal static class ViewerUrls
{
    public const string ViewerPath = "/viewer";

    public static string Segment(string identifier) => IdentifierEncoder.Encode(identifier);

    /// <summary>{public root}/{prefix}/{defaultVersion}/{identifier}/info.json.</summary>
    public static string InfoJson(HttpRequest request, ServerOptions server, string identifier)
    {
        ArgumentNullException.ThrowIfNull(server);
        var version = server.DefaultVersion == 2 ? ApiVersion.V2 : ApiVersion.V3;
        return string.Concat(PublicBaseUri.Service(request, server, version), "/", Segment(identifier), "/info.json");
    }

    /// <summary>The viewer page of one identifier, below the request's path base.</summary>
    public static string Page(HttpRequest request, string identifier)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Concat(request.PathBase.ToUriComponent(), ViewerPath, "/", Segment(identifier));
    }
}
