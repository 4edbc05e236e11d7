using System.Diagnostics;
using System.Text;

namespace Iiif.Tests.TestUtilities;

/// <summary>The server executable (Iiif.Web.dll, copied into the test output) run as a real process, with its
/// standard output and error kept; killed on dispose. IIIF_* variables of the test run are not passed on.</summary>
internal sealed class ExecutableProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _changed = new(0);

    private ExecutableProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything written to standard output and error so far, one line each.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server with <paramref name="args"/>; <paramref name="environment"/> adds or replaces
    /// variables of its environment.</summary>
    public static ExecutableProcess Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Iiif.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("IIIF_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var result = new ExecutableProcess(process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs to the end; returns the exit code and the output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment: environment);
        using var cancel = new CancellationTokenSource(timeout);
        await process._process.WaitForExitAsync(cancel.Token);
        return (process._process.ExitCode, process.Output);
    }

    /// <summary>Waits until the output satisfies <paramref name="condition"/>; fails with the output on timeout or exit.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!condition(Output))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                if (condition(Output))
                {
                    break;
                }

                Assert.Fail($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(200), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout} waiting for the server's output:\n{Output}");
            }
        }

        return Output;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        _changed.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _changed.Release();
    }
}
