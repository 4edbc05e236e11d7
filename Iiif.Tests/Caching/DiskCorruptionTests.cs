using Iiif.Caching.Derivatives;
using Iiif.Caching.Derivatives.Disk;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class DiskCorruptionTests
{
    private DerivativeCacheFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DerivativeCacheFixture(o => o.Memory.MaxSizeMegabytes = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [TestCase("truncate")]
    [TestCase("flip")]
    [TestCase("delete-sidecar")]
    [TestCase("garbage-sidecar")]
    [TestCase("other-key-sidecar")]
    [TestCase("delete-data")]
    [Description("A corrupt or partial disk entry is detected, deleted and re-rendered; the bad file is replaced, never served.")]
    public async Task GetOrRender_CorruptDiskEntry_RendersAgainAndReplaces(string damage)
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(1000);
        using (await GetAsync(cache, Key(), renderer))
        {
        }

        Damage(_fixture.DataPath(Key()), damage);
        using var again = await GetAsync(cache, Key(), renderer);
        using var healed = await GetAsync(cache, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(again.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(BytesOf(again), Is.EqualTo(renderer.Content));
            Assert.That(renderer.Calls, Is.EqualTo(2));
            Assert.That(healed.Tier, Is.EqualTo(CacheTier.Disk));
            Assert.That(File.ReadAllBytes(_fixture.DataPath(Key())), Is.EqualTo(renderer.Content));
        });
    }

    private static void Damage(string dataPath, string damage)
    {
        var metaPath = DiskLayout.MetaPathOf(dataPath);
        switch (damage)
        {
            case "truncate":
                File.WriteAllBytes(dataPath, File.ReadAllBytes(dataPath)[..500]);
                break;
            case "flip":
                var bytes = File.ReadAllBytes(dataPath);
                bytes[123] ^= 0xFF;
                File.WriteAllBytes(dataPath, bytes);
                break;
            case "delete-sidecar":
                File.Delete(metaPath);
                break;
            case "garbage-sidecar":
                File.WriteAllText(metaPath, "{not json");
                break;
            case "other-key-sidecar":
                File.WriteAllText(metaPath, File.ReadAllText(metaPath).Replace("a/b c.jp2", "other.jp2", StringComparison.Ordinal));
                break;
            case "delete-data":
                File.Delete(dataPath);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }
}
