namespace Iiif.Core.Requests;

/// <summary>The three IIIF URI forms (digest §1).</summary>
public enum IiifPathKind
{
    /// <summary><c>/{identifier}</c> or <c>/{identifier}/</c>: the base URI, answered with a redirect to info.json (§1.2).</summary>
    Base,

    /// <summary><c>/{identifier}/info.json</c>.</summary>
    Info,

    /// <summary><c>/{identifier}/{region}/{size}/{rotation}/{quality}.{format}</c>.</summary>
    Image,
}
