using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Iiif.Web.Logging;

/// <summary>Times each request and writes one line when it ends, with the old server's keys (route, url, ip, res) plus
/// status, requestId and elapsedMs. The request id (an incoming X-Request-Id, else the trace identifier) is put in a
/// logging scope, so every line logged while the request runs carries it, and echoed in the response.</summary>
internal sealed class RequestLoggingMiddleware(
    RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider timeProvider, IOptions<LoggingOptions> options)
{
    private readonly string _requests = options.Value.Requests.ToLowerInvariant();

    public const string RequestIdHeader = "X-Request-Id";
    private const int MaxRequestIdLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = timeProvider.GetTimestamp();
        var requestId = AcceptedRequestId(context.Request.Headers[RequestIdHeader]) ?? context.TraceIdentifier;
        context.TraceIdentifier = requestId;
        var feature = new RequestLogFeature();
        context.Features.Set(feature);
        context.Response.OnStarting(EchoRequestId, context);

        using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object>(LogKeys.RequestId, requestId) });
        var failed = false;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            LogCompletion(context, feature, failed, timeProvider.GetElapsedTime(started));
        }
    }

    private void LogCompletion(HttpContext context, RequestLogFeature feature, bool failed, TimeSpan elapsed)
    {
        // An exception that escaped every handler becomes a 500 once the server sees it.
        var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        var endpoint = context.GetEndpoint();
        var success = status < StatusCodes.Status400BadRequest;
        var level = success && IsQuiet(endpoint, feature) ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            var result = success && feature.Result is { } label ? label : status.ToString(CultureInfo.InvariantCulture);
            var target = Target(context);
            var route = feature.Route ?? RouteOf(endpoint);
            var ip = ClientAddress(context);
            var elapsedMs = Math.Round(elapsed.TotalMilliseconds, 2);
            if (feature is { Cache: { } cache, Found: { } found, Tier: { } tier })
            {
                Log.RequestCompletedCached(logger, level, context.Request.Method, target, status, result, route, ip, elapsedMs, cache, found, tier);
            }
            else
            {
                Log.RequestCompleted(logger, level, context.Request.Method, target, status, result, route, ip, elapsedMs);
            }
        }
    }

    // logging.requests: which successful requests are only worth a Debug line.
    private bool IsQuiet(Endpoint? endpoint, RequestLogFeature feature) =>
        endpoint?.Metadata.GetMetadata<QuietRequestLogAttribute>() is not null
        || _requests == LoggingOptions.RequestsErrors
        || (_requests == LoggingOptions.RequestsMisses && feature.Found == LogValues.Hit);

    private static Task EchoRequestId(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
        return Task.CompletedTask;
    }

    /// <summary>A caller's request id is reused only when it is one short token of safe characters: it ends up in logs
    /// and headers, where line breaks or megabytes of text would do harm.</summary>
    internal static string? AcceptedRequestId(StringValues values)
    {
        var value = values.Count == 1 ? values[0] : null;
        return value is { Length: > 0 and <= MaxRequestIdLength } && value.All(IsRequestIdCharacter) ? value : null;
    }

    private static bool IsRequestIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '+' or '=' or '/' or '@';

    private static string RouteOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText
        ?? endpoint?.DisplayName
        ?? LogValues.NoRoute;

    /// <summary>The target as the client sent it (before any X-Forwarded-Prefix became the path base).</summary>
    private static string Target(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();

    private static string? ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString();
    }
}
