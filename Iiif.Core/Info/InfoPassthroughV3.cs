using System.Text.Json.Nodes;
using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Configured 3.0 info.json properties (https://iiif.io/api/image/3.0/#52-technical-properties). Empty lists and null leave a property out. The builder copies
/// the objects, so one instance can feed any number of documents.</summary>
public sealed record InfoPassthroughV3
{
    /// <summary>Extension contexts written before the image context in <c>@context</c>, e.g. the auth context when a
    /// probe service is in <see cref="Service"/> (https://iiif.io/api/image/3.0/#58-linked-data-context-and-extensions).</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary><c>rights</c>: one absolute URI (Creative Commons, RightsStatements.org or a registered extension).</summary>
    public string? Rights { get; init; }

    /// <summary><c>preferredFormats</c>, most preferred first. Every format is implemented, so any list is honest.</summary>
    public IReadOnlyList<ImageFormat> PreferredFormats { get; init; } = [];

    /// <summary><c>partOf</c>: objects with <c>id</c> and <c>type</c>, and a <c>label</c> where possible.</summary>
    public IReadOnlyList<JsonObject> PartOf { get; init; } = [];

    /// <summary><c>seeAlso</c>: objects with <c>id</c> and <c>type</c>; <c>label</c>, <c>format</c> and <c>profile</c> where possible.</summary>
    public IReadOnlyList<JsonObject> SeeAlso { get; init; } = [];

    /// <summary><c>service</c>: objects with <c>id</c>+<c>type</c> (or <c>@id</c>+<c>@type</c> for older APIs).</summary>
    public IReadOnlyList<JsonObject> Service { get; init; } = [];
}
