using Iiif.Caching.Derivatives;
using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What the IIIF endpoint decided; <see cref="IiifResponseWriter"/> turns it into a response.</summary>
internal abstract record IiifOutcome
{
    /// <summary>An error with its status from <see cref="IiifErrorStatus"/>; a 503 carries its Retry-After.</summary>
    public sealed record Failure(IiifError Error) : IiifOutcome;

    /// <summary>The base URI answered with 303 to its info.json (https://iiif.io/api/image/3.0/#31-base-uri).</summary>
    public sealed record Redirect(string Location) : IiifOutcome;

    /// <summary>A conditional request whose validators still match: 304.</summary>
    public sealed record NotModified(CacheValidators Validators, bool VaryAccept) : IiifOutcome;

    /// <summary>An info.json document; <paramref name="ProfileLink"/> is set for 3.0
    /// (https://iiif.io/api/image/3.0/#51-image-information-request).</summary>
    public sealed record Info(byte[] Body, string ContentType, CacheValidators Validators, string? ProfileLink) : IiifOutcome;

    /// <summary>An image from a cache tier or a fresh render; the writer disposes it.</summary>
    public sealed record Image(CachedDerivative Body, ImageFormat Format, string Link, string ContentDisposition, CacheValidators Validators)
        : IiifOutcome;

    /// <summary>A CORS preflight (https://iiif.io/api/image/3.0/#52-cors): 204 with the methods and, when they are a
    /// plain list of names, the headers asked for.</summary>
    public sealed record Preflight(string? AllowedHeaders) : IiifOutcome;

    /// <summary>A method other than GET, HEAD and OPTIONS: 405.</summary>
    public sealed record MethodNotAllowed : IiifOutcome;

    /// <summary>The client went away: nothing is written.</summary>
    public sealed record Aborted : IiifOutcome;
}
