namespace Iiif.Core.Errors;

/// <summary>What went wrong with a request, in the spec's terms (https://iiif.io/api/image/2.1/#72-error-conditions, https://iiif.io/api/image/3.0/#73-error-conditions).</summary>
public enum IiifErrorKind
{
    /// <summary>Syntax error, region empty or outside, size of 0 px or beyond the limits, unsupported rotation, quality or format.</summary>
    BadRequest,

    /// <summary>Authentication is needed and was not supplied.</summary>
    Unauthorized,

    /// <summary>The caller may not have this resource.</summary>
    Forbidden,

    /// <summary>Unknown identifier, or a path that matches none of the URI forms.</summary>
    NotFound,

    /// <summary>Unexpected failure: a corrupt source or a codec fault.</summary>
    InternalError,

    /// <summary>A valid request for something the server does not do, e.g. 3.0 <c>^</c> upscaling when upscaling is off.</summary>
    NotImplemented,

    /// <summary>Overload or maintenance.</summary>
    ServiceUnavailable,

    /// <summary>The upstream that holds the image (an HTTP repository, object storage) failed or sent something unusable
    /// (https://www.rfc-editor.org/rfc/rfc9110#name-502-bad-gateway).</summary>
    BadGateway,

    /// <summary>The upstream that holds the image did not answer in time
    /// (https://www.rfc-editor.org/rfc/rfc9110#name-504-gateway-timeout).</summary>
    GatewayTimeout,
}
