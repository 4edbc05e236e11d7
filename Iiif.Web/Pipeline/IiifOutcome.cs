using Iiif.Caching.Derivatives;
using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What a handler decided; <see cref="IiifOutcomeResult"/> turns it into a response.</summary>
internal abstract record IiifOutcome
{
    /// <summary>An error with its status from <see cref="IiifErrorStatus"/>; 503 carries Retry-After seconds.</summary>
    public sealed record Failure(IiifError Error, int? RetryAfterSeconds = null) : IiifOutcome;

    /// <summary>Digest §1.2: the base URI answered with 303 to its info.json.</summary>
    public sealed record Redirect(string Location) : IiifOutcome;

    /// <summary>A conditional request whose validators still match: 304.</summary>
    public sealed record NotModified(CacheValidators Validators, bool VaryAccept) : IiifOutcome;

    /// <summary>An info.json document; <paramref name="ProfileLink"/> is set for 3.0 (digest §5.4).</summary>
    public sealed record Info(byte[] Body, string ContentType, CacheValidators Validators, string? ProfileLink) : IiifOutcome;

    /// <summary>An image from a cache tier or a fresh render; the result writer disposes it.</summary>
    public sealed record Image(CachedDerivative Body, ImageFormat Format, string Link, string ContentDisposition, CacheValidators Validators)
        : IiifOutcome;

    /// <summary>The client went away: nothing is written.</summary>
    public sealed record Aborted : IiifOutcome;

    /// <summary>A 400/404/501 from a parser or the planner.</summary>
    public static IiifOutcome From(IiifError error) => new Failure(error);
}
