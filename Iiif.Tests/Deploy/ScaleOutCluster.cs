using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Deploy;

/// <summary>Redis, two instances of the installed server (each with its own cache folder, one image folder) and nginx
/// running the shipped site (deploy/nginx/iiif.conf and iiif-proxy.conf) with loopback ports and a test certificate.</summary>
internal sealed class ScaleOutCluster : IAsyncDisposable
{
    public const string Identifier = "pyramid";

    /// <summary>The site's name as shipped; clients reach it on loopback (see <see cref="ClientHandler"/>).</summary>
    public const string ServerName = "images.example.org";

    /// <summary>The same picture under a login policy (readers), for the shared-login test.</summary>
    public const string RestrictedIdentifier = "restricted-pyramid";

    /// <summary>The reader's account of the login policy.</summary>
    public const string Reader = "reader";

    public const string ReaderPassword = "a reader's password";

    private readonly List<BackgroundProcess> _processes = [];
    private readonly string _work = Directory.CreateTempSubdirectory("iiif-scaleout-").FullName;

    private ScaleOutCluster()
    {
    }

    public int RedisPort { get; } = DeployEnvironment.FreePort();

    public int PortA { get; } = DeployEnvironment.FreePort();

    public int PortB { get; } = DeployEnvironment.FreePort();

    public int HttpsPort { get; } = DeployEnvironment.FreePort();

    public int HttpPort { get; } = DeployEnvironment.FreePort();

    public BackgroundProcess InstanceA { get; private set; } = null!;

    public BackgroundProcess InstanceB { get; private set; } = null!;

    public string Diagnostics => string.Join("\n", _processes.Select(p => p.ToString()))
        + "\nnginx error.log:\n" + (File.Exists(Path.Combine(_work, "error.log")) ? File.ReadAllText(Path.Combine(_work, "error.log")) : "(none)");

    public static async Task<ScaleOutCluster> StartAsync()
    {
        var nginx = DeployEnvironment.RequireTool("nginx");
        var redis = DeployEnvironment.RequireTool("redis-server");
        var openssl = DeployEnvironment.RequireTool("openssl");
        var root = await DeployEnvironment.InstalledRootAsync();
        var cluster = new ScaleOutCluster();
        try
        {
            await cluster.StartAllAsync(root, nginx, redis, openssl);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Certificate?.Dispose();

        await Task.Yield();
        Directory.Delete(_work, recursive: true);
    }

    private async Task StartAllAsync(string root, string nginx, string redis, string openssl)
    {
        var images = Path.Combine(root, "srv", "iiif", "images");
        MakePyramidImage(Path.Combine(images, Identifier + ".jp2"));
        File.Copy(Path.Combine(images, Identifier + ".jp2"), Path.Combine(images, RestrictedIdentifier + ".jp2"), overwrite: true);
        await File.WriteAllTextAsync(Path.Combine(_work, "accounts.yml"),
            $"{Reader}:\n  password: \"{Iiif.Web.Auth.AccountStore.Hash(ReaderPassword)}\"\n");
        _processes.Add(BackgroundProcess.Start("redis", redis,
            ["--port", Invariant(RedisPort), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no"]));
        await WaitForPortAsync(RedisPort, _processes[^1]);
        InstanceA = StartInstance(root, "a", PortA);
        InstanceB = StartInstance(root, "b", PortB);
        await WaitForReadyAsync(PortA, InstanceA);
        await WaitForReadyAsync(PortB, InstanceB);
        await WriteNginxConfigAsync(openssl);
        _processes.Add(BackgroundProcess.Start("nginx", nginx,
            ["-p", _work, "-c", Path.Combine(_work, "nginx.conf"), "-e", Path.Combine(_work, "error.log")]));
        await WaitForPortAsync(HttpsPort, _processes[^1]);
    }

    private BackgroundProcess StartInstance(string root, string name, int port)
    {
        var app = Path.Combine(root, "opt", "iiif");
        var process = BackgroundProcess.Start("instance " + name, "dotnet",
        [
            Path.Combine(app, "Iiif.Web.dll"), "--environment", "Production", "--config", Path.Combine(root, "etc", "iiif"),
            "--urls", "http://127.0.0.1:" + Invariant(port),
            "--cache", Path.Combine(root, "var", "cache", "iiif", name),
            "--logging:directory=" + Path.Combine(root, "var", "log", "iiif", name),
            "--cache:redis:configuration=127.0.0.1:" + Invariant(RedisPort),
            // A login policy; the keys folder is the one deploy/install.sh wrote into local.yml for every instance.
            "--auth:rules:0:prefix=restricted-", "--auth:rules:0:policy=readers", "--auth:policies:readers:type=login",
            "--auth:accountsFile=" + Path.Combine(_work, "accounts.yml"),
        ], app);
        _processes.Add(process);
        return process;
    }

    /// <summary>The shipped site with the test's ports, certificate and snippet path; everything else as shipped.</summary>
    private async Task WriteNginxConfigAsync(string openssl)
    {
        var certificate = Path.Combine(_work, "fullchain.pem");
        var key = Path.Combine(_work, "privkey.pem");
        var (code, output) = await DeployEnvironment.RunAsync(openssl,
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate],
            TimeSpan.FromMinutes(1));
        Assert.That(code, Is.Zero, output);
        Certificate = X509CertificateLoader.LoadCertificateFromFile(certificate);
        var site = (await File.ReadAllTextAsync(Path.Combine(DeployEnvironment.DeployDirectory, "nginx", "iiif.conf")))
            .Replace("server 127.0.0.1:3001 ", "server 127.0.0.1:" + Invariant(PortA) + " ", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:3002 ", "server 127.0.0.1:" + Invariant(PortB) + " ", StringComparison.Ordinal)
            .Replace("listen 80", "listen 127.0.0.1:" + Invariant(HttpPort), StringComparison.Ordinal)
            .Replace("listen 443 ssl", "listen 127.0.0.1:" + Invariant(HttpsPort) + " ssl", StringComparison.Ordinal)
            .Replace("/etc/ssl/iiif/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/iiif/privkey.pem", key, StringComparison.Ordinal)
            .Replace("/etc/nginx/snippets/iiif-proxy.conf", Path.Combine(DeployEnvironment.DeployDirectory, "nginx", "iiif-proxy.conf"), StringComparison.Ordinal);
        // Loopback only: the IPv6 wildcard listeners are dropped.
        site = string.Join('\n', site.Split('\n').Where(line => !line.TrimStart().StartsWith("listen [::]", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(Path.Combine(_work, "iiif.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(_work, "nginx.conf"), MainConfig(_work));
    }

    /// <summary>The self-signed certificate nginx presents, which clients pin instead of a CA chain.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    /// <summary>True for exactly the test certificate: it is self-signed, nothing else about TLS is relaxed.</summary>
    public bool IsTestCertificate(X509Certificate? certificate) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(), Certificate.GetCertHashString(), StringComparison.Ordinal);

    /// <summary>A handler that connects every host name to loopback, so requests carry the site's name in Host and TLS SNI
    /// as a real client's would.</summary>
    public SocketsHttpHandler ClientHandler() => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => IsTestCertificate(certificate) },
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    internal static string MainConfig(string work)
    {
        // As root, nginx's workers would otherwise switch to nobody, who may not enter the private temporary folder.
        var user = DeployEnvironment.IsRoot ? "user root;\n" : string.Empty;
        return $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{work}}/nginx.pid;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log {{work}}/access.log;
                client_body_temp_path {{work}}/client_body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
                include {{work}}/iiif.conf;
            }
            """;
    }

    private static void MakePyramidImage(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        // 2000x1500 in 256-pixel tiles with 5 resolution levels: scale factors 1 to 16, 66 viewer tiles.
        using var image = SyntheticImages.Rgb(2000, 1500, seed: 7);
        new Jpeg2000Encoder(new Jpeg2000EncoderOptions { TileSize = 256, Resolutions = 5 }).Encode(image, path);
    }

    private static async Task WaitForPortAsync(int port, BackgroundProcess process)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.That(process.HasExited, Is.False, "exited early: " + process);
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("never listened on " + Invariant(port) + ": " + process);
    }

    private static async Task WaitForReadyAsync(int port, BackgroundProcess process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.That(process.HasExited, Is.False, "exited early: " + process);
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{Invariant(port)}/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("never became ready: " + process);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
