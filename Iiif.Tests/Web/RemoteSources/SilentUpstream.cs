using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>A misbehaving upstream on a free loopback port: one that accepts connections and never answers, or (with
/// truncate) one that promises a file and breaks off its ranged answers halfway.</summary>
internal sealed class SilentUpstream : IDisposable
{
    private const int Length = 100_000;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _truncate;

    private SilentUpstream(bool truncate)
    {
        _truncate = truncate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static SilentUpstream Start(bool truncate = false) => new(truncate);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => AnswerAsync(client));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (!_truncate)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                var request = Encoding.ASCII.GetString(buffer, 0, read);
                var head = request.StartsWith("HEAD", StringComparison.Ordinal)
                    ? $"HTTP/1.1 200 OK\r\nContent-Length: {Length}\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n"
                    : $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-32767/{Length}\r\nContent-Length: 32768\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                if (!request.StartsWith("HEAD", StringComparison.Ordinal))
                {
                    await stream.WriteAsync(new byte[100], _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The test is over or the server gave up on us: both expected.
            }
        }
    }
}
