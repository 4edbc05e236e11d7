using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Deploy;

/// <summary>Issue #6: two published instances behind nginx (the shipped site) with a shared Redis. A viewer's tile
/// pyramid is walked through nginx while one instance is killed; every answer must be the right image, and a
/// derivative one instance rendered must be served by the other from the shared tier.</summary>
[TestFixture]
[Category("Deploy")]
[NonParallelizable]
public class ScaleOutTests
{
    private const string ImageBase = "/iiif/3/" + ScaleOutCluster.Identifier;
    private ScaleOutCluster _cluster = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _cluster = await ScaleOutCluster.StartAsync();
        _client = new HttpClient(_cluster.ClientHandler()) { Timeout = TimeSpan.FromSeconds(60) };
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        _client?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    [Description("Issue #6: the derivative rendered once (by A) is served by B from the shared Redis tier, not rendered again.")]
    public async Task SharedTier_RenderedByA_ServedByBWithoutRendering()
    {
        const string Path = ImageBase + "/full/321,/0/default.jpg";
        var fromA = await GetBytesAsync(Direct(_cluster.PortA, Path));
        var fromB = await GetBytesAsync(Direct(_cluster.PortB, Path));
        var metricsB = await _client.GetStringAsync(Direct(_cluster.PortB, "/metrics"));

        Assert.That(fromB, Is.EqualTo(fromA));
        Assert.That(Sum(metricsB, "iiif_render_duration_seconds_count"), Is.Zero, "B rendered the image itself instead of reading it from Redis");
        Assert.That(Sum(metricsB, "iiif_cache_lookups_total", "cache=\"derivatives\",tier=\"shared\",result=\"hit\""), Is.GreaterThanOrEqualTo(1),
            "B's /metrics shows no hit in the shared derivatives tier (is the caching layer wired in?)");
    }

    [Test]
    [Order(2)]
    [Description("The shipped site: HTTP redirects to HTTPS; ids follow X-Forwarded-Proto/Host; info.json is gzipped; "
        + "CORS preflights reach the server; /metrics stays internal however it is spelt.")]
    public async Task Proxy_ShippedSite_ForwardsAsTheServerExpects()
    {
        using var redirect = await _client.GetAsync(new Uri($"http://{ScaleOutCluster.ServerName}:{Invariant(_cluster.HttpPort)}{ImageBase}/info.json"));
        using var info = await SendAsync(HttpMethod.Get, ImageBase + "/info.json", ("Accept-Encoding", "gzip"));
        using var preflight = await SendAsync(HttpMethod.Options, ImageBase + "/info.json",
            ("Origin", "https://viewer.example.org"), ("Access-Control-Request-Method", "GET"));
        var metrics = new List<HttpStatusCode>();
        foreach (var spelling in new[] { "/metrics", "/metrics/", "/METRICS", "/Metrics" })
        {
            using var response = await SendAsync(HttpMethod.Get, spelling);
            metrics.Add(response.StatusCode);
        }

        var id = (await GetInfoAsync()).GetProperty("id").GetString();

        Assert.Multiple(() =>
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
            Assert.That(redirect.Headers.Location?.Scheme, Is.EqualTo("https"));
            Assert.That(id, Is.EqualTo(Nginx(ImageBase).ToString()));
            Assert.That(info.Content.Headers.ContentEncoding, Is.EquivalentTo(new[] { "gzip" }));
            Assert.That(preflight.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(preflight.Headers.GetValues("Access-Control-Allow-Origin"), Is.EquivalentTo(new[] { "*" }));
            Assert.That(metrics, Is.All.EqualTo(HttpStatusCode.NotFound), "/metrics, /metrics/, /METRICS, /Metrics");
        });
    }

    [Test]
    [Order(2)]
    [Description("Issue #13: the shipped site's default servers refuse every other host name, so a forged Host header "
        + "never reaches the server to become an info.json id.")]
    public async Task Proxy_UnknownHost_RefusedBeforeTheServer()
    {
        var forgedName = Assert.CatchAsync<HttpRequestException>(
            () => _client.GetAsync(new Uri($"https://evil.example:{Invariant(_cluster.HttpsPort)}{ImageBase}/info.json")));
        var forgedHostOverTls = await RawAsync(_cluster.HttpsPort, tls: true, "evil.example");
        var forgedHostOverHttp = await RawAsync(_cluster.HttpPort, tls: false, "evil.example");
        var realHostOverTls = await RawAsync(_cluster.HttpsPort, tls: true, ScaleOutCluster.ServerName);

        Assert.Multiple(() =>
        {
            Assert.That(forgedName, Is.Not.Null, "TLS with an unknown name (SNI) is refused in the handshake");
            Assert.That(forgedHostOverTls, Is.Empty, "a known SNI with a forged Host: closed without an answer (444)");
            Assert.That(forgedHostOverHttp, Is.Empty, "plain HTTP with a forged Host: closed without an answer (444)");
            Assert.That(realHostOverTls, Does.StartWith("HTTP/1.1 200").And.Contain("https://" + ScaleOutCluster.ServerName));
        });
    }

    [Test]
    [Order(3)]
    [Description("Issue #15: one login through nginx (form and post on whichever instances nginx picks) gives access on "
        + "both instances, and a token one instance issued is accepted by the other's probe: the Data Protection keys "
        + "are shared through the keys folder deploy/install.sh configures")]
    public async Task Auth_OneLogin_AcceptedByBothInstances()
    {
        const string Tile = "/iiif/3/" + ScaleOutCluster.RestrictedIdentifier + "/0,0,512,512/256,/0/default.jpg";
        var jar = new CookieContainer();
        var handler = _cluster.ClientHandler();
        handler.CookieContainer = jar;
        using var browser = new HttpClient(handler);
        // Several logins, so that form and post land on different instances at least once (nginx alternates).
        for (var i = 0; i < 3; i++)
        {
            var form = await browser.GetStringAsync(Nginx("/auth/login/readers"));
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["user"] = ScaleOutCluster.Reader, ["password"] = ScaleOutCluster.ReaderPassword,
            });
            using var posted = await browser.PostAsync(Nginx("/auth/login/readers"), fields);
            Assert.That(await posted.Content.ReadAsStringAsync(), Does.Contain("You are logged in"), "login " + i + "\n" + _cluster.Diagnostics);
        }

        var cookie = jar.GetCookies(Nginx("/"))["iiif-auth"]!;
        var atA = await SendWithCookieAsync(Direct(_cluster.PortA, Tile), cookie);
        var atB = await SendWithCookieAsync(Direct(_cluster.PortB, Tile), cookie);
        using var anonymous = await _client.GetAsync(Nginx(Tile));
        var tokenPage = await SendWithCookieAsync(
            Direct(_cluster.PortB, "/auth/token/readers?messageId=1&origin=" + Uri.EscapeDataString($"http://127.0.0.1:{Invariant(_cluster.PortB)}")), cookie);
        var accessToken = Regex.Match(tokenPage.Body, "\"accessToken\":\"([^\"]+)\"").Groups[1].Value;
        using var probe = new HttpRequestMessage(HttpMethod.Get, Direct(_cluster.PortA, "/auth/probe/3/" + ScaleOutCluster.RestrictedIdentifier));
        probe.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var probed = await _client.SendAsync(probe);

        Assert.Multiple(async () =>
        {
            Assert.That(cookie.Secure, Is.True, "nginx serves HTTPS, so the cookie is Secure");
            Assert.That(atA.Status, Is.EqualTo(HttpStatusCode.OK), "instance A accepts the cookie\n" + _cluster.Diagnostics);
            Assert.That(atB.Status, Is.EqualTo(HttpStatusCode.OK), "instance B accepts the cookie");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(accessToken, Is.Not.Empty, tokenPage.Body);
            Assert.That(await probed.Content.ReadAsStringAsync(), Does.Contain("\"status\":200"), "A accepts B's token");
        });
    }

    [Test]
    [Order(4)]
    [Description("Issue #6: every tile of the pyramid is answered with the right image although instance A is killed "
        + "halfway; nginx sends the requests that find A gone to B.")]
    public async Task Walk_InstanceKilledHalfway_EveryTileAnsweredCorrectly()
    {
        var tiles = TilePyramid.Tiles(await GetInfoAsync());
        var answers = new (HttpStatusCode Status, byte[] Body)[tiles.Count];
        var half = tiles.Count / 2;
        await WalkAsync(tiles, answers, 0, half);
        var servedByA = Sum(await _client.GetStringAsync(Direct(_cluster.PortA, "/metrics")), "iiif_http_requests_total", "route=\"iiif_image\",status=\"200\"");
        _cluster.InstanceA.Kill();
        await WalkAsync(tiles, answers, half, tiles.Count);

        Assert.That(tiles, Has.Count.GreaterThan(50));
        Assert.That(servedByA, Is.GreaterThan(0), "nginx sent nothing to instance A before it was killed");
        for (var i = 0; i < tiles.Count; i++)
        {
            var (path, width, height) = tiles[i];
            Assert.That(answers[i].Status, Is.EqualTo(HttpStatusCode.OK), path + "\n" + _cluster.Diagnostics);
            var decoded = Image.Identify(answers[i].Body);
            Assert.That((decoded.Width, decoded.Height), Is.EqualTo((width, height)), path);
            // Rendering is deterministic, so the surviving instance must give the same bytes for the same URL.
            Assert.That(answers[i].Body, Is.EqualTo(await GetBytesAsync(Direct(_cluster.PortB, ImageBase + path))), path);
        }
    }

    /// <summary>Two requests at a time, as a viewer keeps several tile requests open.</summary>
    private async Task WalkAsync(List<(string Path, int Width, int Height)> tiles, (HttpStatusCode, byte[])[] answers, int from, int to)
    {
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, cancellationToken) =>
        {
            using var response = await _client.GetAsync(Nginx(ImageBase + tiles[i].Path), cancellationToken);
            answers[i] = (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        });
    }

    /// <summary>GET info.json with exactly <paramref name="host"/> in the Host header (TLS: the site's own name as SNI);
    /// the whole answer as text, empty when nginx closed the connection without one.</summary>
    private async Task<string> RawAsync(int port, bool tls, string host)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        Stream stream = tcp.GetStream();
        if (tls)
        {
            var ssl = new System.Net.Security.SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => _cluster.IsTestCertificate(certificate));
            await ssl.AuthenticateAsClientAsync(ScaleOutCluster.ServerName);
            stream = ssl;
        }

        await using (stream)
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {ImageBase}/info.json HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            try
            {
                return await reader.ReadToEndAsync();
            }
            catch (IOException)
            {
                return string.Empty; // reset instead of a clean close: no answer either
            }
        }
    }

    private async Task<JsonElement> GetInfoAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, ImageBase + "/info.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), _cluster.Diagnostics);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, Nginx(path));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _client.SendAsync(request);
    }

    private async Task<byte[]> GetBytesAsync(Uri uri)
    {
        using var response = await _client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), uri + "\n" + _cluster.Diagnostics);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A direct request to an instance (plain HTTP) with the access cookie set by the HTTPS site.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendWithCookieAsync(Uri uri, Cookie cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Cookie", cookie.Name + "=" + cookie.Value);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Uri Nginx(string path) => new($"https://{ScaleOutCluster.ServerName}:{Invariant(_cluster.HttpsPort)}{path}");

    private static Uri Direct(int port, string path) => new($"http://127.0.0.1:{Invariant(port)}{path}");

    /// <summary>The sum of every series of <paramref name="name"/> whose labels contain <paramref name="labels"/>.</summary>
    private static double Sum(string metrics, string name, string labels = "") =>
        Regex.Matches(metrics, "^" + Regex.Escape(name) + "(\\{[^}]*\\})? (\\S+)$", RegexOptions.Multiline)
            .Where(m => m.Groups[1].Value.Contains(labels, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
