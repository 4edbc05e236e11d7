using Iiif.Web.Configuration;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Iiif.Tests.Web.Logging;

[TestFixture]
public class RequestLoggingMiddlewareTests
{
    [TestCase("abc-123", "abc-123")]
    [TestCase("4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [TestCase("", null)]
    [TestCase("two words", null)]
    [TestCase("line\nbreak", null)]
    public void AcceptedRequestId_HeaderValue_ReusedOnlyWhenSafe(string header, string? expected) =>
        Assert.That(RequestLoggingMiddleware.AcceptedRequestId(new StringValues(header)), Is.EqualTo(expected));

    [Test]
    public void AcceptedRequestId_TooLongOrRepeated_Refused()
    {
        Assert.That(RequestLoggingMiddleware.AcceptedRequestId(new StringValues(new string('a', 129))), Is.Null);
        Assert.That(RequestLoggingMiddleware.AcceptedRequestId(new StringValues(["a", "b"])), Is.Null);
    }

    [Test]
    public async Task InvokeAsync_HandlerLabelsSuccess_ResIsLabel()
    {
        var logger = new CapturingLogger();
        var context = NewContext("/iiif/3/id/full/max/0/default.jpg");

        await Middleware(logger, c => { c.SetLogResult(LogValues.Image); return Task.CompletedTask; }).InvokeAsync(context);

        Assert.That(logger.Single(LogKeys.Res), Is.EqualTo("image"));
        Assert.That(logger.Single(LogKeys.Status), Is.EqualTo(200));
        Assert.That(logger.Single(LogKeys.Url), Is.EqualTo("/iiif/3/id/full/max/0/default.jpg"));
    }

    [Test]
    [Description("The old server logged the status code as res for failures, whatever the handler meant to serve.")]
    public async Task InvokeAsync_HandlerLabelsFailure_ResIsStatusCode()
    {
        var logger = new CapturingLogger();
        var context = NewContext("/x");

        await Middleware(logger, c =>
        {
            c.SetLogResult(LogValues.Image);
            c.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }).InvokeAsync(context);

        Assert.That(logger.Single(LogKeys.Res), Is.EqualTo("400"));
    }

    [Test]
    public void InvokeAsync_HandlerThrows_LogsServerErrorAndRethrows()
    {
        var logger = new CapturingLogger();

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            Middleware(logger, _ => throw new InvalidOperationException("bug")).InvokeAsync(NewContext("/x")));

        Assert.That((logger.Single(LogKeys.Status), logger.Single(LogKeys.Res), logger.Single(LogKeys.Route)),
            Is.EqualTo((500, "500", LogValues.NoRoute)));
    }

    [Test]
    public async Task InvokeAsync_IncomingRequestId_BecomesTraceIdentifierAndScope()
    {
        var logger = new CapturingLogger();
        var context = NewContext("/x");
        context.Request.Headers["X-Request-Id"] = "caller-7";

        await Middleware(logger, _ => Task.CompletedTask).InvokeAsync(context);

        Assert.That(context.TraceIdentifier, Is.EqualTo("caller-7"));
        Assert.That(logger.Scopes, Has.One.EqualTo(new KeyValuePair<string, object>(LogKeys.RequestId, "caller-7")));
    }

    private static RequestLoggingMiddleware Middleware(CapturingLogger logger, RequestDelegate next) =>
        new(next, logger, TimeProvider.System, Options.Create(new LoggingOptions()));

    private static DefaultHttpContext NewContext(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        return context;
    }

    /// <summary>Keeps the structured properties of each entry and the key/value pairs of each scope.</summary>
    private sealed class CapturingLogger : ILogger<RequestLoggingMiddleware>
    {
        public List<IReadOnlyList<KeyValuePair<string, object?>>> Entries { get; } = [];

        public List<KeyValuePair<string, object>> Scopes { get; } = [];

        public object? Single(string key) => Entries.Single().Single(p => p.Key == key).Value;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            if (state is IEnumerable<KeyValuePair<string, object>> pairs)
            {
                Scopes.AddRange(pairs);
            }

            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                // Copied: the logging generator may reuse its state object once the call returns.
                Entries.Add([.. properties]);
            }
        }
    }
}
