using System.Net;

namespace Iiif.Tests.Web.Admin;

/// <summary>Admin endpoints need admin.apiKey in X-Api-Key and a client address in admin.allowedIps.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AdminAccessTests
{
    private static readonly string[] KeyArgs = ["--admin:apiKey=" + RunningHost.AdminKey];
    private readonly HostPool _hosts = new(args => RunningHost.StartAsync(null, args));

    [OneTimeTearDown]
    public async Task StopHosts() => await _hosts.DisposeAsync();

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase("wrong-key-wrong-key-wrong", HttpStatusCode.Unauthorized)]
    [TestCase(RunningHost.AdminKey + "x", HttpStatusCode.Unauthorized)]
    [TestCase(RunningHost.AdminKey, HttpStatusCode.OK)]
    public async Task Health_FromAllowedAddress_NeedsRightKey(string? key, HttpStatusCode expected)
    {
        var host = await _hosts.GetAsync(KeyArgs);

        using var response = await SendAsync(host, "/admin/health", key);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Health_Unauthorized_NamesExpectedHeader()
    {
        var host = await _hosts.GetAsync(KeyArgs);

        using var response = await SendAsync(host, "/admin/health", key: null);

        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("X-Api-Key"));
    }

    [TestCase("/admin/health")]
    [TestCase("/admin/config")]
    [TestCase("/admin/swagger/index.html")]
    [TestCase("/admin/swagger/admin/swagger.json")]
    public async Task Admin_AddressNotAllowed_Returns403EvenWithKey(string path)
    {
        var host = await _hosts.GetAsync([.. KeyArgs, "--admin:allowedIps:0=10.1.2.0/24"]);

        using var response = await SendAsync(host, path, RunningHost.AdminKey);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/admin/health")]
    [TestCase("/admin/config")]
    [TestCase("/admin/swagger/index.html")]
    [TestCase("/admin/swagger/admin/swagger.json")]
    [Description("An empty admin.apiKey switches the admin endpoints and their Swagger UI off.")]
    public async Task Admin_NoKeyConfigured_Returns404(string path)
    {
        var host = await _hosts.GetAsync();

        using var response = await SendAsync(host, path, RunningHost.AdminKey);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Admin_CidrAllowList_AdmitsLoopback()
    {
        var host = await _hosts.GetAsync([.. KeyArgs, "--admin:allowedIps:0=127.0.0.0/8"]);

        using var response = await SendAsync(host, "/admin/config", RunningHost.AdminKey);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    [Description("The UI page cannot send X-Api-Key on first load, so it is protected by the address list alone.")]
    public async Task SwaggerUi_AllowedAddressWithoutKey_IsServed()
    {
        var host = await _hosts.GetAsync(KeyArgs);

        using var response = await SendAsync(host, "/admin/swagger/index.html", key: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    internal static async Task<HttpResponseMessage> SendAsync(RunningHost host, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await host.Client.SendAsync(request);
    }
}
