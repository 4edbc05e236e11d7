using Iiif.Caching.Derivatives;
using Iiif.Tests.TestUtilities;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class SingleFlightRenderTests
{
    private DerivativeCacheFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DerivativeCacheFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    [Description("50 concurrent misses of one key render once and all get the bytes.")]
    public async Task GetOrRender_FiftyConcurrentMisses_RenderOnce()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(2000) { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => GetAsync(cache, Key(), renderer))).ToList();
        await renderer.Started.Task;
        await Until.TrueAsync(() => calls.All(c => !c.IsCompleted) && renderer.Calls == 1, "one render started for every waiting call");
        renderer.Gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Multiple(() =>
        {
            Assert.That(renderer.Calls, Is.EqualTo(1));
            Assert.That(results.Count(r => r.Tier == CacheTier.Rendered), Is.GreaterThanOrEqualTo(1));
            Assert.That(results.All(r => BytesOf(r).SequenceEqual(renderer.Content)), Is.True);
        });
    }

    [Test]
    [Description("One waiter cancelling does not cancel the render for the others.")]
    public async Task GetOrRender_OneWaiterCancels_OthersStillGetRender()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100) { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var impatient = new CancellationTokenSource();

        var leaving = GetAsync(cache, Key(), renderer, cancellationToken: impatient.Token);
        await renderer.Started.Task;
        var staying = GetAsync(cache, Key(), renderer);
        await impatient.CancelAsync();
        Assert.That(async () => await leaving, Throws.InstanceOf<OperationCanceledException>());
        renderer.Gate.SetResult();
        using var result = await staying;

        Assert.Multiple(() =>
        {
            Assert.That(renderer.WasCancelled, Is.False);
            Assert.That(renderer.Calls, Is.EqualTo(1));
            Assert.That(BytesOf(result), Is.EqualTo(renderer.Content));
        });
    }

    [Test]
    [Description("When every waiter has cancelled, the render is cancelled and nothing is stored.")]
    public async Task GetOrRender_AllWaitersCancel_RenderCancelled()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100) { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = GetAsync(cache, Key(), renderer, cancellationToken: first.Token);
        await renderer.Started.Task;
        var b = GetAsync(cache, Key(), renderer, cancellationToken: second.Token);
        await first.CancelAsync();
        await second.CancelAsync();

        Assert.That(async () => await a, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await b, Throws.InstanceOf<OperationCanceledException>());
        await Until.TrueAsync(() => renderer.WasCancelled && cache.RendersInFlight == 0, "the abandoned render to be cancelled");
        Assert.Multiple(() =>
        {
            Assert.That(renderer.WasCancelled, Is.True);
            Assert.That(_fixture.DataFiles(), Is.Empty);
        });
    }

    [Test]
    [Description("A render exception reaches every waiter and nothing is stored; the next lookup renders again.")]
    public async Task GetOrRender_RenderThrows_AllWaitersSeeItAndNothingStored()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100)
        {
            Gate = new(TaskCreationOptions.RunContinuationsAsynchronously),
            Failure = new InvalidOperationException("decoder broke"),
        };

        var calls = Enumerable.Range(0, 5).Select(_ => GetAsync(cache, Key(), renderer)).ToList();
        await renderer.Started.Task;
        renderer.Gate.SetResult();

        foreach (var call in calls)
        {
            Assert.That(async () => await call, Throws.InvalidOperationException.With.Message.EqualTo("decoder broke"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(renderer.Calls, Is.EqualTo(1));
            Assert.That(_fixture.DataFiles(), Is.Empty);
        });
        renderer.Failure = null;
        renderer.Gate = null;
        using var retry = await GetAsync(cache, Key(), renderer);
        Assert.That(retry.Tier, Is.EqualTo(CacheTier.Rendered));
    }
}
