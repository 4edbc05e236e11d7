using System.Text.Json;

namespace Iiif.Web.Configuration;

/// <summary>The <c>info</c> section: rights and linking properties added to every info.json.</summary>
internal sealed class InfoOptions
{
    public const string SectionName = "info";

    /// <summary>3.0 <c>rights</c> URI; empty = left out.</summary>
    public string Rights { get; set; } = string.Empty;

    /// <summary>2.1 <c>attribution</c> text; empty = left out.</summary>
    public string Attribution { get; set; } = string.Empty;

    /// <summary>2.1 <c>license</c> URI; empty = left out.</summary>
    public string License { get; set; } = string.Empty;

    /// <summary>2.1 <c>logo</c> URI; empty = left out.</summary>
    public string Logo { get; set; } = string.Empty;

    // The three lists are free-form objects, which the binder cannot map onto classes; without a public setter it
    // leaves them alone and InfoOptionsSetup fills them from the raw section. JsonElement is immutable, so one value
    // can be written into many documents at once.

    /// <summary>Objects for info.json <c>service</c>, as configured.</summary>
    public IReadOnlyList<JsonElement> Service { get; internal set; } = [];

    /// <summary>Objects for info.json <c>seeAlso</c>, as configured.</summary>
    public IReadOnlyList<JsonElement> SeeAlso { get; internal set; } = [];

    /// <summary>Objects for info.json <c>partOf</c>, as configured.</summary>
    public IReadOnlyList<JsonElement> PartOf { get; internal set; } = [];
}
