using System.Text.Json.Nodes;
using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Configured 3.0 info.json properties (digest §3.3). Empty lists and null leave a property out. The builder copies
/// the objects, so one instance can feed any number of documents.</summary>
public sealed record InfoPassthroughV3
{
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
