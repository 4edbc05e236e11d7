using Iiif.Tests.TestUtilities;
using Iiif.Tests.Web.Configuration;
using Iiif.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web;

/// <summary>The real host (Kestrel on a free loopback port) over a <see cref="WebTestFolder"/>, with a client for it.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    /// <summary>An admin key long enough for validation (16+ characters).</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly WebApplication _app;
    private bool _stopped;

    private RunningHost(WebTestFolder folder, WebApplication app)
    {
        Folder = folder;
        _app = app;
        BaseUri = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseUri };
    }

    public WebTestFolder Folder { get; }

    public Uri BaseUri { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="prepare"/> fills the folder (images, config) before start-up.</summary>
    public static Task<RunningHost> StartAsync(Action<WebTestFolder>? prepare = null, params string[] args) =>
        StartAsync(prepare, overrideServices: null, args);

    /// <summary>Starts a host whose services <paramref name="overrideServices"/> may replace (test doubles).</summary>
    public static async Task<RunningHost> StartAsync(
        Action<WebTestFolder>? prepare, Action<IServiceCollection>? overrideServices, string[] args)
    {
        var folder = new WebTestFolder();
        try
        {
            prepare?.Invoke(folder);
            var builder = HostingExtensions.CreateIiifBuilder(folder.HostArgs(args), WebTestFolder.NoEnvironment);
            overrideServices?.Invoke(builder.Services);
            var app = builder.BuildIiifApp();
            await app.StartAsync();
            return new RunningHost(folder, app);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Copies a generated JPEG 2000 test image into the images folder as {identifier}.jp2.</summary>
    public static void AddImage(WebTestFolder folder, string identifier, string testImage = TestImageFactory.RgbTiled)
    {
        var target = Path.Combine(folder.ImagesDirectory, identifier + ".jp2");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestImageFactory.PathOf(testImage), target);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Stops the host (which flushes the log) and returns the lines of iiif.log.</summary>
    public async Task<string[]> StopAndReadLogAsync()
    {
        await StopAsync();
        return await File.ReadAllLinesAsync(Path.Combine(Folder.LogDirectory, "iiif.log"));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Folder.Dispose();
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
