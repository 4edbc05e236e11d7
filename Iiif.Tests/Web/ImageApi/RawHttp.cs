using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Sends one HTTP/1.1 request with the request target exactly as given (HttpClient and Uri would normalise
/// <c>..</c>, unescape <c>%2D</c> or escape <c>[</c>), and reads the whole response.</summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(
        Uri server, string method, string target, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\n")
            .Append("Connection: close\r\n");
        if (headers?.ContainsKey("Host") != true)
        {
            request.Append(CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\n");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Append("\r\n").ToString()));
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return Parse(buffer.ToArray(), isHead: method == "HEAD");
    }

    private static RawResponse Parse(byte[] bytes, bool isHead)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            if (!headers.TryGetValue(name, out var values))
            {
                headers[name] = values = [];
            }

            values.Add(line[(colon + 1)..].Trim());
        }

        var body = bytes[(end + 4)..];
        if (!isHead && headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked"))
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers, body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8) + position;
            var size = int.Parse(Encoding.ASCII.GetString(body, position, lineEnd - position).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
