using Iiif.Imaging.Memory;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Memory;

/// <summary>ImageSharp's pool is read and released, and the trimmer gives memory back once idle or under pressure, never
/// while renders run and memory is fine.</summary>
[TestFixture]
public class MemoryTrimmerTests
{
    private const long NoPressure = long.MaxValue;

    private readonly FakeTimeProvider _time = new();

    [Test]
    [Description("The private fields ImageSharp 2.1 keeps its pool in are still where ImageSharpPool reads them.")]
    public void RetainedBytes_AfterImageDisposed_CountsPooledBuffersUntilReleased()
    {
        var pool = PoolOf(out var configuration);
        using (new Image<Rgba32>(configuration, 1024, 1024))
        {
            // 4 MB: one pool buffer.
        }

        var retained = pool.RetainedBytes();
        pool.Release();

        Assert.Multiple(() =>
        {
            Assert.That(retained, Is.EqualTo(4 * 1024 * 1024));
            Assert.That(pool.RetainedBytes(), Is.Zero);
        });
    }

    [Test]
    public void TrimIfDue_IdleForAMinute_TrimsOnceUntilTheNextRender()
    {
        var pool = PoolOf(out var configuration);
        var activity = new RenderActivity(_time);
        var trimmer = new MemoryTrimmer(pool, activity, _time, NoPressure);
        using (activity.Begin())
        using (new Image<Rgba32>(configuration, 1024, 1024))
        {
            Assert.That(trimmer.TrimIfDue(0), Is.Null, "never while rendering");
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        var early = trimmer.TrimIfDue(0);
        _time.Advance(MemoryTrimmer.IdleDelay);
        var due = trimmer.TrimIfDue(0);
        var again = trimmer.TrimIfDue(0);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Null);
            Assert.That(due, Is.EqualTo("idle"));
            Assert.That(pool.RetainedBytes(), Is.Zero);
            Assert.That(again, Is.Null, "once per idle period");
        });
    }

    [Test]
    public void TrimIfDue_OverPressureWhileBusy_TrimsAtMostEveryInterval()
    {
        var activity = new RenderActivity(_time);
        var trimmer = new MemoryTrimmer(PoolOf(out _), activity, _time, pressureBytes: 1000);
        using var running = activity.Begin();

        var first = trimmer.TrimIfDue(2000);
        var tooSoon = trimmer.TrimIfDue(2000);
        _time.Advance(MemoryTrimmer.PressureInterval);
        var later = trimmer.TrimIfDue(2000);
        var below = trimmer.TrimIfDue(500);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("pressure"));
            Assert.That(tooSoon, Is.Null);
            Assert.That(later, Is.EqualTo("pressure"));
            Assert.That(below, Is.Null);
        });
    }

    private static ImageSharpPool PoolOf(out Configuration configuration)
    {
        configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 64 });
        return new ImageSharpPool(configuration);
    }
}
