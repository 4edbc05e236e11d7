namespace Iiif.Core.Requests;

/// <summary>The three IIIF URI forms (https://iiif.io/api/image/3.0/#2-uri-syntax).</summary>
public enum IiifPathKind
{
    /// <summary><c>/{identifier}</c> or <c>/{identifier}/</c>: the base URI, answered with a redirect to info.json (https://iiif.io/api/image/3.0/#2-uri-syntax).</summary>
    Base,

    /// <summary><c>/{identifier}/info.json</c>.</summary>
    Info,

    /// <summary><c>/{identifier}/{region}/{size}/{rotation}/{quality}.{format}</c>.</summary>
    Image,
}
