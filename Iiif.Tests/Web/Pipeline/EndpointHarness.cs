using System.Net;
using Iiif.Imaging;
using Iiif.Imaging.Sources;
using Iiif.Tests.Web.Configuration;
using Iiif.Web;
using Iiif.Web.Logging;
using Iiif.Web.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>The server's real services and <see cref="IiifEndpoint"/>, built from the shipped configuration but never
/// started: no Kestrel and no socket. The source and renderer are fakes (<see cref="FakeImageSource"/>,
/// <see cref="FakeRenderer"/>); caches, planner, gate, writer and log labels are the real ones. Requests are
/// <see cref="DefaultHttpContext"/>s with the raw target set as Kestrel would.</summary>
internal sealed class EndpointHarness : IAsyncDisposable
{
    private readonly WebTestFolder _folder;
    private readonly WebApplication _app;

    private EndpointHarness(WebTestFolder folder, WebApplication app, FakeImageSource source, FakeRenderer renderer)
    {
        _folder = folder;
        _app = app;
        Source = source;
        Renderer = renderer;
        Endpoint = app.Services.GetRequiredService<IiifEndpoint>();
    }

    public FakeImageSource Source { get; }

    public FakeRenderer Renderer { get; }

    public IServiceProvider Services => _app.Services;

    public IiifEndpoint Endpoint { get; }

    /// <summary>A harness whose configuration is the shipped default.yml plus <paramref name="args"/>
    /// (<c>--section:key=value</c>); the derivative disk tier is off unless the arguments turn it on.</summary>
    public static EndpointHarness Create(params string[] args)
    {
        var folder = new WebTestFolder();
        try
        {
            var source = new FakeImageSource();
            var renderer = new FakeRenderer();
            var builder = HostingExtensions.CreateIiifBuilder(
                folder.HostArgs(["--cache:derivatives:enabled=false", .. args]), WebTestFolder.NoEnvironment);
            builder.Services.AddSingleton<IImageSource>(source);
            builder.Services.AddSingleton<IImageRenderer>(renderer);
            return new EndpointHarness(folder, builder.BuildIiifApp(), source, renderer);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public Task<EndpointResponse> GetAsync(string target, IReadOnlyDictionary<string, string>? headers = null, string host = "iiif.test") =>
        SendAsync("GET", target, headers, host);

    public async Task<EndpointResponse> SendAsync(
        string method, string target, IReadOnlyDictionary<string, string>? headers = null, string host = "iiif.test")
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        var query = target.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = PathString.FromUriComponent(query >= 0 ? target[..query] : target);
        context.Request.QueryString = query >= 0 ? new QueryString(target[query..]) : QueryString.Empty;
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        var log = new RequestLogFeature();
        context.Features.Set(log);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await Endpoint.HandleAsync(context);
        return new EndpointResponse(context.Response.StatusCode, new Dictionary<string, StringValues>(context.Response.Headers, StringComparer.OrdinalIgnoreCase),
            body.ToArray(), log);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
