using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Issue #13: real slow clients on a real Kestrel. A client that reads a multi-megabyte image a byte at a time
/// is dropped once the socket's buffers are full and it keeps the server waiting past server.writeTimeoutSeconds for
/// the next 64 KB; a client that reads normally gets the whole image.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class SlowReaderTests
{
    private const string Noise = "/iiif/3/noise/full/max/0/default.png";
    private RunningHost _host = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _host = await RunningHost.StartAsync(
        folder =>
        {
            // Noise does not compress: the PNG answer is about 7 MB, more than the kernel's socket buffers hold.
            var random = new Random(13);
            using var noise = new Image<Rgb24>(1500, 1500);
            noise.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.GetRowSpan(y)));
                }
            });
            noise.SaveAsPng(Path.Combine(folder.ImagesDirectory, "noise.png"));
        },
        "--server:writeTimeoutSeconds=2");

    [OneTimeTearDown]
    public async Task StopServer() => await _host.DisposeAsync();

    [Test]
    [Description("Dropped with a reset: what the socket's send buffer still held (megabytes) is discarded, not fed to the client.")]
    public async Task Get_ClientReadingOneByteAtATime_DroppedLongBeforeTheEnd()
    {
        using var normal = await _host.GetAsync(Noise);
        var length = (await normal.Content.ReadAsByteArrayAsync()).Length;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, _host.BaseUri.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {Noise} HTTP/1.1\r\nHost: localhost\r\n\r\n"), SocketFlags.None);

        var received = await ReadSlowlyUntilDroppedAsync(socket, TimeSpan.FromSeconds(120));
        var (drained, closed) = await DrainAsync(socket, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(normal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(length, Is.GreaterThan(6_000_000), "more than the kernel's socket buffers hold");
            Assert.That(received, Is.GreaterThan(0), "the client did get the start of the answer");
            Assert.That(closed, Is.True, "the connection ends");
            Assert.That(received + drained, Is.LessThan(1_000_000), "the rest of the send buffer was discarded by the reset");
        });
    }

    /// <summary>Reads one byte every 50 ms until the server's log says it dropped the client.</summary>
    private async Task<long> ReadSlowlyUntilDroppedAsync(Socket socket, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        var received = 0L;
        var one = new byte[1];
        while (!LogSays("too slow to read"))
        {
            Assert.That(Stopwatch.GetElapsedTime(started), Is.LessThan(limit), $"not dropped after {received} bytes");
            if (await socket.ReceiveAsync(one, SocketFlags.None) == 0)
            {
                break;
            }

            received++;
            await Task.Delay(50);
        }

        return received;
    }

    /// <summary>Reads as fast as possible what is left until the connection ends (reset or close).</summary>
    private static async Task<(long Drained, bool Closed)> DrainAsync(Socket socket, TimeSpan limit)
    {
        var buffer = new byte[65536];
        var drained = 0L;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                drained += read;
            }

            return (drained, true);
        }
        catch (SocketException)
        {
            return (drained, true);
        }
        catch (OperationCanceledException)
        {
            return (drained, false);
        }
    }

    private bool LogSays(string text)
    {
        using var log = new FileStream(Path.Combine(_host.Folder.LogDirectory, "iiif.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log);
        return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
    }
}
