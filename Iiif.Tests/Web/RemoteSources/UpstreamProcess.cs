using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>A server process the tests start on a free loopback port (nginx, s3rver) and stop at the end; start-up waits
/// until the port accepts connections.</summary>
internal sealed class UpstreamProcess : IDisposable
{
    private readonly Process _process;

    private UpstreamProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static UpstreamProcess Start(string binary, IEnumerable<string> arguments, int port, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException(binary + " did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var upstream = new UpstreamProcess(process, port);
        upstream.WaitUntilListening(binary);
        return upstream;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void WaitUntilListening(string binary)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{binary} exited with {_process.ExitCode} before listening on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"{binary} did not listen on port {Port}.");
    }
}
