using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;

namespace Iiif.Tests.Imaging.Sources;

/// <summary>The pieces of the remote sources that need no upstream: rule matching and templates, and the block cache's
/// reads, single flight and truncation check.</summary>
[TestFixture]
public class RemoteSourcePartsTests
{
    [Test]
    public void PrefixRule_GivesThePathAfterThePrefix_EncodedPerSegment()
    {
        var rule = new SourceRule("web", "web/", null);
        var values = rule.Match("web/ms 12/f001.jp2")!;

        Assert.That(rule.Match("other/x"), Is.Null);
        Assert.That(rule.Match("web/"), Is.Null, "nothing after the prefix");
        Assert.That(SourceRule.Expand("https://h/files/{path}", values, SourceRule.EncodePath), Is.EqualTo("https://h/files/ms%2012/f001.jp2"));
        Assert.Throws<ArgumentException>(() => SourceRule.Expand("https://h/{path}", rule.Match("web/../secret")!, SourceRule.EncodePath));
        Assert.Throws<ArgumentException>(() => SourceRule.Expand("https://h/{nope}", values, SourceRule.EncodePath));
    }

    [Test]
    public void RegexRule_GivesItsGroups()
    {
        var rule = new SourceRule("s3", null, "^(?<shelf>[a-z]+)-(\\d+)$");
        var values = rule.Match("maps-0042")!;

        Assert.That(SourceRule.Expand("{shelf}/{1}.jp2", values, v => v), Is.EqualTo("maps/0042.jp2"), "unnamed groups are numbered first");
        Assert.That(values["path"], Is.EqualTo("maps-0042"));
        Assert.That(rule.Match("maps-x"), Is.Null);
    }

    [Test]
    public async Task RangeCache_FetchesMissingBlocksOnce_InOneRequestPerRun()
    {
        var source = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var cache = new RangeCache(1024, 1024 * 1024);
        var fetches = new List<(long Offset, int Length)>();
        var gate = new TaskCompletionSource();
        RangeCache.Fetch fetch = async (offset, destination, _) =>
        {
            lock (fetches)
            {
                fetches.Add((offset, destination.Length));
            }

            await gate.Task;
            source.AsMemory((int)offset, destination.Length).CopyTo(destination);
            return destination.Length;
        };

        var first = new byte[3000];
        var second = new byte[100];
        var reads = new[]
        {
            cache.ReadAsync("a|1", source.Length, 500, first, fetch, CancellationToken.None).AsTask(),
            cache.ReadAsync("a|1", source.Length, 1500, second, fetch, CancellationToken.None).AsTask(),
        };
        gate.SetResult();
        await Task.WhenAll(reads);

        Assert.That(fetches, Is.EqualTo(new[] { (0L, 4096) }), "blocks 0-3 in one request; the second read waited for it");
        Assert.That(first, Is.EqualTo(source[500..3500]));
        Assert.That(second, Is.EqualTo(source[1500..1600]));
        Assert.That(cache.TryRead("a|1", source.Length, 9990, new byte[20], out _), Is.False, "the last block was never fetched");
        Assert.That(await cache.ReadAsync("a|1", source.Length, 9990, new byte[20], fetch, CancellationToken.None), Is.EqualTo(10), "short at the end");
    }

    [Test]
    public void RangeCache_AShortAnswer_IsATruncatedSource()
    {
        var cache = new RangeCache(1024, 1024 * 1024);
        RangeCache.Fetch fetch = (_, destination, _) => Task.FromResult(destination.Length / 2);

        var failure = Assert.ThrowsAsync<SourceUnavailableException>(
            async () => await cache.ReadAsync("b|1", 5000, 0, new byte[100], fetch, CancellationToken.None));

        Assert.That(failure!.Failure, Is.EqualTo(SourceFailure.Truncated));
    }
}
