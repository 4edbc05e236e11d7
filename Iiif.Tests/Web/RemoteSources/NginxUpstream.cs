using System.Globalization;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>Debian's nginx serving a folder on a free loopback port, with Range and If-Match support as it ships, one
/// access-log line per request (method, path, status, body bytes, Range header) for the tests to count, and fixed
/// answers under /forbidden/ (403) and /broken/ (500).</summary>
internal sealed class NginxUpstream : IDisposable
{
    private readonly UpstreamProcess _process;

    private NginxUpstream(string root, string folder, UpstreamProcess process)
    {
        Root = root;
        Folder = folder;
        _process = process;
    }

    /// <summary>The folder nginx serves.</summary>
    public string Root { get; }

    private string Folder { get; }

    public int Port => _process.Port;

    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    public string AccessLog => Path.Combine(Folder, "access.log");

    public static NginxUpstream Start()
    {
        const string binary = "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            Assert.Fail("nginx is not installed: ./test.sh installs it (Debian package nginx).");
        }

        var folder = Directory.CreateTempSubdirectory("iiif-nginx-").FullName;
        var root = Directory.CreateDirectory(Path.Combine(folder, "www")).FullName;
        var port = UpstreamProcess.FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
              log_format counted '$request_method $uri $status $body_bytes_sent "$http_range"';
              access_log {{folder}}/access.log counted;
              client_body_temp_path {{folder}}/tmp;
              proxy_temp_path {{folder}}/tmp;
              fastcgi_temp_path {{folder}}/tmp;
              uwsgi_temp_path {{folder}}/tmp;
              scgi_temp_path {{folder}}/tmp;
              server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                location /forbidden/ { return 403; }
                location /broken/ { return 500; }
              }
            }
            """));
        var process = UpstreamProcess.Start(binary, ["-c", config, "-p", folder, "-e", Path.Combine(folder, "error.log")], port);
        return new NginxUpstream(root, folder, process);
    }

    /// <summary>Copies <paramref name="file"/> into the served folder as <paramref name="name"/>.</summary>
    public void Add(string file, string name)
    {
        var target = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }

    /// <summary>The access-log lines so far.</summary>
    public IReadOnlyList<LoggedRequest> Requests()
    {
        if (!File.Exists(AccessLog))
        {
            return [];
        }

        using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(LoggedRequest.Parse)];
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // nginx may still hold a log open for a moment; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>One access-log line.</summary>
internal sealed record LoggedRequest(string Method, string Path, int Status, long Bytes, string Range)
{
    public static LoggedRequest Parse(string line)
    {
        var parts = line.Split(' ', 5);
        return new LoggedRequest(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture), parts[4].Trim('"'));
    }
}
