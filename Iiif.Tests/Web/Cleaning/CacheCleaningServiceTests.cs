using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Web.Cleaning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Iiif.Tests.Web.Cleaning;

/// <summary>The background cleaner on a fake clock: a pass per cache.clean.period, none when it is 0. The waits below
/// only guard against a hang; nothing asserts how long anything took.</summary>
[TestFixture]
public class CacheCleaningServiceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Test]
    [Description("cache.clean.period: one cleaner pass each time the period elapses, none before")]
    public async Task Period_Elapses_RunsOnePassEachTime()
    {
        var time = new FakeTimeProvider();
        var passes = new List<TaskCompletionSource>(3) { new(), new(), new() };
        var calls = 0;
        var cleaner = new Mock<IDerivativeCleaner>();
        cleaner.Setup(c => c.CleanAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CleanReport(1, 1, 10, 0))
            .Callback(() => passes[Math.Min(Interlocked.Increment(ref calls), 3) - 1].TrySetResult());
        using var service = Service(cleaner.Object, period: 60, time);
        await service.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(passes[0].Task.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));
        await passes[0].Task.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(60));
        await passes[1].Task.WaitAsync(Guard);
        await service.StopAsync(CancellationToken.None);

        cleaner.Verify(c => c.CleanAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    [Description("A failed pass is logged and the next period still cleans")]
    public async Task Pass_Throws_NextPeriodStillRuns()
    {
        var time = new FakeTimeProvider();
        var second = new TaskCompletionSource();
        var cleaner = new Mock<IDerivativeCleaner>();
        cleaner.SetupSequence(c => c.CleanAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk gone"))
            .Returns(() =>
            {
                second.TrySetResult();
                return Task.FromResult(new CleanReport(0, 0, 0, 0));
            });
        using var service = Service(cleaner.Object, period: 10, time);
        await service.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(10));
        // The first pass has thrown once the timer is waiting again; advancing again must reach the second pass.
        await WaitForCallsAsync(cleaner, 1);
        time.Advance(TimeSpan.FromSeconds(10));
        await second.Task.WaitAsync(Guard);
        await service.StopAsync(CancellationToken.None);

        Assert.That(service.ExecuteTask!.IsFaulted, Is.False);
    }

    [Test]
    [Description("cache.clean.period 0: no background cleaning at all")]
    public async Task PeriodZero_NeverCleans()
    {
        var time = new FakeTimeProvider();
        var cleaner = new Mock<IDerivativeCleaner>();
        using var service = Service(cleaner.Object, period: 0, time);
        await service.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromDays(30));
        await service.ExecuteTask!.WaitAsync(Guard);

        cleaner.Verify(c => c.CleanAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    [Description("A host without a file cache registers no cleaner: the service ends quietly")]
    public async Task NoCleaner_EndsWithoutError()
    {
        using var service = Service(null, period: 60, new FakeTimeProvider());
        await service.StartAsync(CancellationToken.None);

        await service.ExecuteTask!.WaitAsync(Guard);

        Assert.That(service.ExecuteTask.IsCompletedSuccessfully, Is.True);
    }

    private static CacheCleaningService Service(IDerivativeCleaner? cleaner, int period, TimeProvider time)
    {
        var options = new CachingOptions { Clean = new CacheCleanOptions { Period = period } };
        return new CacheCleaningService(cleaner, Options.Create(options), time, NullLogger<CacheCleaningService>.Instance);
    }

    private static async Task WaitForCallsAsync(Mock<IDerivativeCleaner> cleaner, int count)
    {
        using var timeout = new CancellationTokenSource(Guard);
        while (cleaner.Invocations.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
