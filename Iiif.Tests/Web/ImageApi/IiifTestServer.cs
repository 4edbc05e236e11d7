using System.Text.Json;
using Iiif.Tests.Web.Configuration;
using Iiif.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>The real host on Kestrel (127.0.0.1, free port) over a temp folder holding <see cref="IiifTestImages"/>.
/// One per fixture, started in [OneTimeSetUp].</summary>
internal sealed class IiifTestServer : IAsyncDisposable
{
    private readonly WebTestFolder _folder;
    private readonly WebApplication _app;
    private bool _stopped;

    private IiifTestServer(WebTestFolder folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
        Address = new Uri(app.Urls.Single());
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri Address { get; }

    /// <summary>http://127.0.0.1:{port}, as info.json ids begin.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public IServiceProvider Services => _app.Services;

    public static async Task<IiifTestServer> StartAsync(string[]? args = null, Action<IServiceCollection>? overrideServices = null)
    {
        var folder = new WebTestFolder();
        IiifTestImages.CopyInto(folder.ImagesDirectory);
        var builder = HostingExtensions.CreateIiifBuilder(folder.HostArgs(args ?? []), WebTestFolder.NoEnvironment);
        overrideServices?.Invoke(builder.Services);
        var app = builder.BuildIiifApp();
        await app.StartAsync();
        return new IiifTestServer(folder, app);
    }

    public Task<RawResponse> GetAsync(string target, IReadOnlyDictionary<string, string>? headers = null) =>
        RawHttp.SendAsync(Address, "GET", target, headers);

    public Task<RawResponse> SendAsync(string method, string target, IReadOnlyDictionary<string, string>? headers = null) =>
        RawHttp.SendAsync(Address, method, target, headers);

    /// <summary>Stops the host (which flushes the log) and returns the lines of iiif.log as JSON.</summary>
    public async Task<List<JsonElement>> StopAndReadLogAsync()
    {
        await StopAppAsync();
        return File.ReadLines(Path.Combine(_folder.LogDirectory, "iiif.log"))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        _folder.Dispose();
    }

    private async Task StopAppAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
