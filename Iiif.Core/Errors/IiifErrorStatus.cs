namespace Iiif.Core.Errors;

/// <summary>The one table from error kind to HTTP status code (https://iiif.io/api/image/3.0/#73-error-conditions, both versions).</summary>
public static class IiifErrorStatus
{
    /// <summary>The HTTP status code the spec names for <paramref name="kind"/>.</summary>
    public static int StatusCode(IiifErrorKind kind) => kind switch
    {
        IiifErrorKind.BadRequest => 400,
        IiifErrorKind.Unauthorized => 401,
        IiifErrorKind.Forbidden => 403,
        IiifErrorKind.NotFound => 404,
        IiifErrorKind.InternalError => 500,
        IiifErrorKind.NotImplemented => 501,
        IiifErrorKind.ServiceUnavailable => 503,
        IiifErrorKind.BadGateway => 502,
        IiifErrorKind.GatewayTimeout => 504,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };
}
