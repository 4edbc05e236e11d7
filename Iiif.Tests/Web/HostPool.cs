namespace Iiif.Tests.Web;

/// <summary>Real hosts shared by the tests of one fixture: the first test that asks for a configuration (its command-line
/// arguments) starts a host, every later test with the same arguments gets the same one, and the fixture disposes them
/// all in its [OneTimeTearDown]. Tests on a shared host use their own identifiers or count differences, never totals.</summary>
internal sealed class HostPool(Func<string[], Task<RunningHost>> start) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<RunningHost>> _hosts = new(StringComparer.Ordinal);

    public Task<RunningHost> GetAsync(params string[] args)
    {
        var key = string.Join('\n', args);
        lock (_gate)
        {
            if (!_hosts.TryGetValue(key, out var host))
            {
                host = start(args);
                _hosts[key] = host;
            }

            return host;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<RunningHost>> hosts;
        lock (_gate)
        {
            hosts = [.. _hosts.Values];
            _hosts.Clear();
        }

        foreach (var host in hosts)
        {
            if (host.IsCompletedSuccessfully)
            {
                await host.Result.DisposeAsync();
            }
        }
    }
}
