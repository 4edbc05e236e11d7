namespace Iiif.Tests.TestUtilities;

/// <summary>Waiting for work another thread finishes (a cache's background compaction, a hosted service's tick):
/// polls the condition instead of sleeping for a guessed time, so the tests pass on a busy machine.</summary>
internal static class Conditions
{
    /// <summary>Returns as soon as <paramref name="condition"/> holds, or after <paramref name="timeout"/> (10 s by default)
    /// with the condition still false; the caller's assertion then reports it.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
