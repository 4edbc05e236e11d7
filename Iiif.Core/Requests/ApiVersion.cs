namespace Iiif.Core.Requests;

/// <summary>The Image API version a request was made under. The grammar differs in the size parameter and the documents.</summary>
public enum ApiVersion
{
    /// <summary>Image API 2.1 (2.1.1; context and profile URIs shared with 2.0).</summary>
    V2,

    /// <summary>Image API 3.0.</summary>
    V3,
}
