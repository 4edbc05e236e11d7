namespace Iiif.Core.Errors;

/// <summary>A client-facing error as a value: its kind, the request parameter it concerns (if any) and a sentence for a person.</summary>
/// <param name="Kind">The error kind, which decides the HTTP status.</param>
/// <param name="Parameter">The parameter at fault (<c>region</c>, <c>size</c>, <c>rotation</c>, <c>quality</c>, <c>format</c>, <c>identifier</c>), or null.</param>
/// <param name="Message">What is wrong, in words a person understands. Never contains file paths.</param>
public readonly record struct IiifError(IiifErrorKind Kind, string? Parameter, string Message)
{
    /// <summary>When the same request may succeed if tried again (a <see cref="IiifErrorKind.ServiceUnavailable"/> from
    /// overload), sent as HTTP Retry-After; null when there is no such time.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The HTTP status code for this error.</summary>
    public int StatusCode => IiifErrorStatus.StatusCode(Kind);

    /// <summary>A 400 error about <paramref name="parameter"/>.</summary>
    public static IiifError BadRequest(string? parameter, string message) => new(IiifErrorKind.BadRequest, parameter, message);

    /// <summary>A 404 error.</summary>
    public static IiifError NotFound(string message) => new(IiifErrorKind.NotFound, null, message);

    /// <summary>A 501 error about <paramref name="parameter"/>.</summary>
    public static IiifError NotImplemented(string? parameter, string message) => new(IiifErrorKind.NotImplemented, parameter, message);

    /// <summary>A 503: the server declined the request for now; it may succeed after <paramref name="retryAfter"/>.</summary>
    public static IiifError Unavailable(string message, TimeSpan retryAfter) =>
        new(IiifErrorKind.ServiceUnavailable, null, message) { RetryAfter = retryAfter };

    /// <summary>The message prefixed with the parameter it concerns, e.g. "size: width must be at least 1".</summary>
    public override string ToString() => Parameter is null ? Message : $"{Parameter}: {Message}";
}
