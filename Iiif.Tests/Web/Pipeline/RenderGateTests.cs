using Iiif.Web.Configuration;
using Iiif.Web.Metrics;
using Iiif.Web.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>Admission by expected wait: with every slot busy a render queues while renders ahead x recent render time /
/// slots stays within imaging.maxQueueWait, and is declined at once beyond it; a queued render still gives up after
/// imaging.queueTimeout. The clock is fake, so nothing here depends on how fast the machine is.</summary>
[TestFixture]
public class RenderGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Test]
    public async Task TryEnter_QueuesWhileExpectedWaitFits_DeclinesBeyond()
    {
        using var gate = Gate(slots: 1, maxQueueWait: 2);
        await RenderTakingAsync(gate, TimeSpan.FromSeconds(1));
        using var running = await gate.TryEnterAsync(CancellationToken.None);

        var first = gate.TryEnterAsync(CancellationToken.None).AsTask();   // 1 ahead x 1 s / 1 slot = 1 s
        var second = gate.TryEnterAsync(CancellationToken.None).AsTask();  // 2 s: still within the bound
        var third = await gate.TryEnterAsync(CancellationToken.None);      // 3 s: declined at once
        running!.Dispose();
        using var firstSlot = await first.WaitAsync(TimeSpan.FromSeconds(30));
        firstSlot!.Dispose();
        using var secondSlot = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(third, Is.Null);
            Assert.That(firstSlot, Is.Not.Null);
            Assert.That(secondSlot, Is.Not.Null);
        });
    }

    [Test]
    public async Task TryEnter_SlowRendersShrinkTheQueue()
    {
        using var gate = Gate(slots: 2, maxQueueWait: 2);
        await RenderTakingAsync(gate, TimeSpan.FromSeconds(3));
        using var one = await gate.TryEnterAsync(CancellationToken.None);
        using var two = await gate.TryEnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = gate.TryEnterAsync(cancel.Token).AsTask();            // 1 ahead x 3 s / 2 slots = 1.5 s
        var declined = await gate.TryEnterAsync(CancellationToken.None);   // 2 x 3 s / 2 = 3 s
        var wasWaiting = !queued.IsCompleted;
        await cancel.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(gate.RecentRenderTime, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(wasWaiting, Is.True);
            Assert.That(declined, Is.Null);
        });
        Assert.That(async () => await queued, Throws.InstanceOf<OperationCanceledException>(), "an aborted request leaves the queue");
    }

    [Test]
    [Description("Render times are heavy-tailed: one slow render among many fast ones must not make the gate shed a queue it will serve in time.")]
    public async Task TryEnter_OneSlowRenderAmongMany_QueueStillAdmitted()
    {
        using var gate = Gate(slots: 2, maxQueueWait: 2);
        for (var i = 0; i < 200; i++)
        {
            await RenderTakingAsync(gate, TimeSpan.FromMilliseconds(10));
        }

        await RenderTakingAsync(gate, TimeSpan.FromSeconds(2));
        using var one = await gate.TryEnterAsync(CancellationToken.None);
        using var two = await gate.TryEnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = Enumerable.Range(0, 62).Select(_ => gate.TryEnterAsync(cancel.Token).AsTask()).ToList();
        var allWaiting = queued.All(q => !q.IsCompleted);
        await cancel.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(gate.RecentRenderTime, Is.LessThan(TimeSpan.FromMilliseconds(60)));
            Assert.That(allWaiting, Is.True, "62 ahead x under 60 ms / 2 slots is under 2 s");
        });
    }

    [Test]
    public async Task TryEnter_QueuedLongerThanQueueTimeout_Declined()
    {
        using var gate = Gate(slots: 1, maxQueueWait: 2, queueTimeout: 5);
        using var running = await gate.TryEnterAsync(CancellationToken.None);
        var queued = gate.TryEnterAsync(CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.That(await queued.WaitAsync(TimeSpan.FromSeconds(30)), Is.Null);
    }

    [Test]
    public async Task TryEnter_NoQueueConfigured_DeclinedWhenBusy()
    {
        using var gate = Gate(slots: 1, maxQueueWait: 0);
        using var running = await gate.TryEnterAsync(CancellationToken.None);

        Assert.That(await gate.TryEnterAsync(CancellationToken.None), Is.Null);
    }

    [Test]
    [Description("Before any render has finished the estimate knows nothing; the hard cap still bounds the queue.")]
    public async Task TryEnter_NoEstimateYet_QueueStillCapped()
    {
        using var gate = Gate(slots: 1, maxQueueWait: 2);
        using var running = await gate.TryEnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = Enumerable.Range(0, 256).Select(_ => gate.TryEnterAsync(cancel.Token).AsTask()).ToList();
        var overCap = await gate.TryEnterAsync(cancel.Token);
        var allWaiting = queued.All(q => !q.IsCompleted);
        await cancel.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(allWaiting, Is.True);
            Assert.That(overCap, Is.Null);
        });
    }

    private RenderGate Gate(int slots, double maxQueueWait, int queueTimeout = 30) =>
        new(Options.Create(new ImagingOptions { MaxConcurrentRenders = slots, MaxQueueWait = maxQueueWait, QueueTimeout = queueTimeout }),
            new IiifMetrics(), _time);

    // One render that held its slot for `took` on the fake clock: the gate's whole knowledge of render times.
    private async Task RenderTakingAsync(RenderGate gate, TimeSpan took)
    {
        using var slot = await gate.TryEnterAsync(CancellationToken.None);
        _time.Advance(took);
    }
}
