using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A <see cref="RunningHost"/> over a folder holding <see cref="IiifTestImages"/>, spoken to with raw HTTP so
/// paths arrive exactly as written. One per fixture, started in [OneTimeSetUp].</summary>
internal sealed class IiifTestServer : IAsyncDisposable
{
    private readonly RunningHost _host;

    private IiifTestServer(RunningHost host)
    {
        _host = host;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri Address => _host.BaseUri;

    /// <summary>http://127.0.0.1:{port}, as info.json ids begin.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a server over the test images; <paramref name="prepare"/> may add more to the images folder.</summary>
    public static async Task<IiifTestServer> StartAsync(
        string[]? args = null, Action<IServiceCollection>? overrideServices = null, Action<string>? prepare = null) =>
        new(await RunningHost.StartAsync(
            folder =>
            {
                IiifTestImages.CopyInto(folder.ImagesDirectory);
                prepare?.Invoke(folder.ImagesDirectory);
            },
            overrideServices, args ?? []));

    public Task<RawResponse> GetAsync(string target, IReadOnlyDictionary<string, string>? headers = null) =>
        RawHttp.SendAsync(Address, "GET", target, headers);

    public Task<RawResponse> SendAsync(string method, string target, IReadOnlyDictionary<string, string>? headers = null) =>
        RawHttp.SendAsync(Address, method, target, headers);

    /// <summary>Stops the host (which flushes the log) and returns the lines of iiif.log as JSON.</summary>
    public async Task<List<JsonElement>> StopAndReadLogAsync() =>
        (await _host.StopAndReadLogAsync()).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
