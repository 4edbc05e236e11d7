using System.Diagnostics;

namespace Iiif.Tests.TestUtilities;

/// <summary>Waits for a condition rather than for a lucky amount of time: checks it every few milliseconds until it holds,
/// and fails the test with what was awaited if it still does not hold after a generous deadline (a loaded machine
/// slows everything down, it does not change what must happen).</summary>
internal static class Until
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"waited {limit.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(10);
        }
    }
}
