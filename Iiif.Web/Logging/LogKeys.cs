namespace Iiif.Web.Logging;

/// <summary>Names of the structured log properties. They are the old server's Bunyan keys, so tooling that read its
/// logs keeps working, plus request id and timing. Use them as [LoggerMessage] placeholders ("{cache} {found}") or in
/// scopes: <c>logger.BeginScope(new Dictionary&lt;string, object&gt; { [LogKeys.Img] = path })</c>; nlog.config writes
/// every event and scope property as a top-level JSON field.</summary>
internal static class LogKeys
{
    /// <summary>Which route (endpoint name) handled the request; <see cref="LogValues.NoRoute"/> when none matched.</summary>
    public const string Route = "route";

    /// <summary>The request target as received: path and query.</summary>
    public const string Url = "url";

    /// <summary>The client address (after X-Forwarded-For from a trusted proxy).</summary>
    public const string Ip = "ip";

    /// <summary>The outcome: a label such as info, image or viewer for a success, else the status code.</summary>
    public const string Res = "res";

    /// <summary>The numeric HTTP status code.</summary>
    public const string Status = "status";

    /// <summary>The HTTP method.</summary>
    public const string Method = "method";

    /// <summary>The request id: an incoming X-Request-Id, else ASP.NET's trace identifier; on every line of a request.</summary>
    public const string RequestId = "requestId";

    /// <summary>Milliseconds from the request's arrival to its completion.</summary>
    public const string ElapsedMs = "elapsedMs";

    /// <summary>Which cache: image, info or info.json.</summary>
    public const string Cache = "cache";

    /// <summary>Cache lookup outcome: <see cref="LogValues.Hit"/> or <see cref="LogValues.Miss"/>.</summary>
    public const string Found = "found";

    /// <summary>The file or identifier a cache entry stands for.</summary>
    public const string Img = "img";

    /// <summary>Cache operation: <see cref="LogValues.Set"/> or <see cref="LogValues.Write"/>.</summary>
    public const string Op = "op";

    /// <summary>Whether a request passed a validation step (true or false).</summary>
    public const string Valid = "valid";

    /// <summary>Which validation step: <see cref="LogValues.Params"/> (syntax) or <see cref="LogValues.Info"/> (against the image).</summary>
    public const string Test = "test";
}
