using Iiif.Caching.Shared;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class ResilientDistributedCacheTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    [Test]
    [Description("A failing shared tier logs one warning, is not called during the retry period, and is tried again after it.")]
    public async Task Get_InnerThrows_LogsOnceStopsCallingThenRecovers()
    {
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger<ResilientDistributedCache>();
        var inner = new Mock<IDistributedCache>();
        var failing = true;
        inner.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() => failing ? Task.FromException<byte[]?>(new InvalidOperationException("redis down")) : Task.FromResult<byte[]?>([1]));
        var cache = new ResilientDistributedCache(inner.Object, RetryAfter, time, logger);

        var duringOutage = new List<byte[]?>();
        for (var i = 0; i < 5; i++)
        {
            duringOutage.Add(await cache.GetAsync("k"));
        }

        var callsDuringPause = inner.Invocations.Count;
        await cache.SetAsync("k", [2], new DistributedCacheEntryOptions());
        var callsAfterSet = inner.Invocations.Count;
        time.Advance(RetryAfter + TimeSpan.FromSeconds(1));
        failing = false;
        var recovered = await cache.GetAsync("k");

        Assert.Multiple(() =>
        {
            Assert.That(duringOutage, Has.All.Null);
            Assert.That(callsDuringPause, Is.EqualTo(1), "only the first call reached the failing cache");
            Assert.That(callsAfterSet, Is.EqualTo(1), "writes are dropped during the pause");
            Assert.That(recovered, Is.EqualTo(new byte[] { 1 }));
            Assert.That(logger.Count(LogLevel.Warning), Is.EqualTo(1));
            Assert.That(logger.Count(LogLevel.Information), Is.EqualTo(1), "recovery logged once");
        });
    }

    [Test]
    [Description("A retry that fails again pauses again without a second warning.")]
    public void Set_StillFailingAfterRetry_NoSecondWarning()
    {
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger<ResilientDistributedCache>();
        var inner = new Mock<IDistributedCache>();
        inner.Setup(c => c.Set(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<DistributedCacheEntryOptions>()))
            .Throws(new TimeoutException());
        var cache = new ResilientDistributedCache(inner.Object, RetryAfter, time, logger);

        cache.Set("k", [1], new DistributedCacheEntryOptions());
        time.Advance(RetryAfter + TimeSpan.FromSeconds(1));
        cache.Set("k", [1], new DistributedCacheEntryOptions());
        cache.Set("k", [1], new DistributedCacheEntryOptions());

        Assert.Multiple(() =>
        {
            Assert.That(inner.Invocations, Has.Count.EqualTo(2));
            Assert.That(logger.Count(LogLevel.Warning), Is.EqualTo(1));
            Assert.That(cache.IsPaused, Is.True);
        });
    }

    [Test]
    [Description("Issue #13: while the connection is down Redis is not called at all (no request waits for it); logged once.")]
    public async Task Get_Disconnected_NeverCallsInnerLogsOnceThenResumes()
    {
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger<ResilientDistributedCache>();
        var inner = new Mock<IDistributedCache>();
        inner.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([1]);
        var connected = false;
        var cache = new ResilientDistributedCache(inner.Object, RetryAfter, time, logger, () => connected, "redis:6379");

        var whileDown = new List<byte[]?>();
        for (var i = 0; i < 5; i++)
        {
            whileDown.Add(await cache.GetAsync("k"));
        }

        var health = cache.Health();
        connected = true;
        var afterReconnect = await cache.GetAsync("k");

        Assert.Multiple(() =>
        {
            Assert.That(whileDown, Has.All.Null);
            Assert.That(inner.Invocations, Has.Count.EqualTo(1), "only the call after the reconnect");
            Assert.That(afterReconnect, Is.EqualTo(new byte[] { 1 }));
            Assert.That(health.State, Is.EqualTo("unavailable"));
            Assert.That(health.Reason, Does.Contain("not connected"));
            Assert.That(cache.Health().State, Is.EqualTo("ok"));
            Assert.That(logger.Count(LogLevel.Warning), Is.EqualTo(1));
            Assert.That(logger.Entries.First().Message, Does.Contain("redis:6379"));
            Assert.That(logger.Count(LogLevel.Information), Is.EqualTo(1), "recovery logged once");
        });
    }

    [Test]
    [Description("After the pause one call tries Redis again while the others still skip it: a dead Redis never costs every "
        + "request in flight a timeout at once.")]
    public async Task Get_AfterPause_OnlyOneCallProbes()
    {
        var time = new FakeTimeProvider();
        var inner = new Mock<IDistributedCache>();
        var probe = new TaskCompletionSource<byte[]?>();
        inner.SetupSequence(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.FromException<byte[]?>(new TimeoutException()))
            .Returns(probe.Task);
        var cache = new ResilientDistributedCache(inner.Object, RetryAfter, time, new CapturingLogger<ResilientDistributedCache>());
        await cache.GetAsync("k");
        time.Advance(RetryAfter + TimeSpan.FromSeconds(1));

        var probing = cache.GetAsync("k");
        var others = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetAsync("k")));
        probe.SetException(new TimeoutException());
        await probing;

        Assert.That(others, Has.All.Null);
        Assert.That(inner.Invocations, Has.Count.EqualTo(2), "the first failure and the one probe");
    }

    [TestCase("localhost:6379", "localhost:6379,abortConnect=false,connectTimeout=2000,syncTimeout=1000,asyncTimeout=1000")]
    [TestCase("r:1,connectTimeout=500,AbortConnect=true", "r:1,connectTimeout=500,AbortConnect=true,syncTimeout=1000,asyncTimeout=1000")]
    [Description("Short timeouts and abortConnect=false are added unless the operator set them.")]
    public void WithDefaults_AddsMissingSettingsOnly(string given, string expected) =>
        Assert.That(RedisConnectionString.WithDefaults(given), Is.EqualTo(expected));
}
