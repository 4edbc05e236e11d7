using System.Text.Json.Nodes;

namespace Iiif.Core.Info;

/// <summary>Configured 2.1 info.json properties, copied as given (https://iiif.io/api/image/2.1/#52-technical-properties). Null leaves a property out. Typed as
/// <see cref="JsonNode"/> because each has several allowed shapes; the builder copies them, so one instance can feed
/// any number of documents.</summary>
public sealed record InfoPassthroughV2
{
    /// <summary><c>attribution</c>: a string, a list, or <c>{"@value","@language"}</c> objects; simple HTML allowed.</summary>
    public JsonNode? Attribution { get; init; }

    /// <summary><c>license</c>: a URI string or a list of URIs.</summary>
    public JsonNode? License { get; init; }

    /// <summary><c>logo</c>: a URI string, or an object with <c>@id</c> and an image <c>service</c>.</summary>
    public JsonNode? Logo { get; init; }

    /// <summary><c>service</c>: an object or an array of objects.</summary>
    public JsonNode? Service { get; init; }
}
