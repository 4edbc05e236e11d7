using Iiif.Imaging.Decoding;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>Runs requests on their own threads against a <see cref="DecodedImageCache"/> while its one decode is held
/// open until every request has taken a lease on the entry, proving they all waited on that single decode.</summary>
internal static class SingleFlightProbe
{
    /// <summary>Runs <paramref name="request"/> for 0 to <paramref name="count"/> - 1 at once; returns their results and
    /// whether all of them were queued on <paramref name="key"/> while the decode ran.</summary>
    public static async Task<(T[] Results, bool AllQueued)> RunAsync<T>(DecodedImageCache cache, DecodedImageKey key, int count, Func<int, T> request)
    {
        var allQueued = false;
        cache.DecodeStarting = () => allQueued = SpinWait.SpinUntil(() => cache.Leases(key) == count, TimeSpan.FromSeconds(30));
        var tasks = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(
            () => request(i),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var results = await Task.WhenAll(tasks);
        return (results, allQueued);
    }
}
