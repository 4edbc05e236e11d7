using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Web;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Web.Configuration;

/// <summary>memory.budgetMegabytes: every cache and the pool drawn from one total, explicit sizes as overrides that must
/// fit, on the shipped default.yml with keys changed from the command line.</summary>
[TestFixture]
public class MemoryBudgetTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("The default 768 MB split: a third, a third, a sixth, a twelfth, a twelfth.")]
    public void Split_Defaults_SharesReachEveryCache()
    {
        using var services = BuildServices();

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IOptions<ImageSharpSourceDecoderOptions>>().Value.MemoryBudgetMegabytes, Is.EqualTo(256));
            Assert.That(services.GetRequiredService<IOptions<DecodedBlockCacheOptions>>().Value.BlockCacheMegabytes, Is.EqualTo(256));
            Assert.That(services.GetRequiredService<IOptions<CachingOptions>>().Value.Memory.MaxSizeMegabytes, Is.EqualTo(128));
            Assert.That(services.GetRequiredService<IOptions<ImageSharpOptions>>().Value.MaximumPoolSizeMegabytes, Is.EqualTo(64));
            Assert.That(services.GetRequiredService<IOptions<ImageSharpOptions>>().Value.AllocationLimitMegabytes, Is.EqualTo(768));
            Assert.That(services.GetRequiredService<MemoryBudget>()[MemoryBudget.RemoteSources], Is.EqualTo(64));
        });
    }

    [Test]
    [Description("The default block share holds every full-resolution block of a 10000x7500 RGB image, so a viewer's repeated "
        + "walk over it is not a least-recently-used cycle one block larger than the cache (every block missed, every "
        + "render decoding again), with the rendered-image tier on or off.")]
    [TestCase(null)]
    [TestCase("--cache:memory:maxSizeMegabytes=0")]
    public void Split_Defaults_BlockShareHoldsOneLargeScan(string? setting)
    {
        using var services = BuildServices(setting is null ? [] : [setting]);

        var blocks = services.GetRequiredService<IOptions<DecodedBlockCacheOptions>>().Value.BlockCacheBytes;
        Assert.That(blocks, Is.GreaterThanOrEqualTo(10_000L * 7_500 * 3));
    }

    [Test]
    [Description("A size set by its own key stays; the rest of the total is divided among the others by their weights.")]
    public void Split_OneShareSet_OthersShareTheRest()
    {
        using var services = BuildServices("--imaging:blockCacheMegabytes=408", "--memory:budgetMegabytes=768");

        var budget = services.GetRequiredService<MemoryBudget>();
        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IOptions<DecodedBlockCacheOptions>>().Value.BlockCacheMegabytes, Is.EqualTo(408));
            Assert.That(budget[MemoryBudget.DecodedImages], Is.EqualTo(180), "4/8 of the 360 MB left");
            Assert.That(budget[MemoryBudget.DerivativesMemory], Is.EqualTo(90));
            Assert.That(budget[MemoryBudget.RemoteSources], Is.EqualTo(45));
            Assert.That(ValidationFailures(services), Is.Empty);
        });
    }

    [Test]
    [Description("0 for imaging.memoryBudgetMegabytes meant the decoder's default before the budget; it still means its share.")]
    public void Split_DecodedImagesZero_TakesShare()
    {
        using var services = BuildServices("--imaging:memoryBudgetMegabytes=0", "--memory:budgetMegabytes=1200");

        Assert.That(services.GetRequiredService<IOptions<ImageSharpSourceDecoderOptions>>().Value.MemoryBudgetMegabytes, Is.EqualTo(400));
    }

    [Test]
    [Description("A memory tier switched off (0) is an explicit share of nothing, and leaves its part to the others.")]
    public void Split_MemoryTierOff_StaysOff()
    {
        using var services = BuildServices("--cache:memory:maxSizeMegabytes=0");

        Assert.That(services.GetRequiredService<IOptions<CachingOptions>>().Value.Memory.MaxBytes, Is.Zero);
    }

    [Test]
    public void Validate_ExplicitSharesOverBudget_FailureNamesEveryKey()
    {
        using var services = BuildServices("--imaging:blockCacheMegabytes=500", "--cache:memory:maxSizeMegabytes=400");

        Assert.That(ValidationFailures(services), Has.One.EqualTo(
            "memory.budgetMegabytes: the shares set on their own (imaging.blockCacheMegabytes 500 + cache.memory.maxSizeMegabytes 400 = 900 MB) " +
            "exceed the budget of 768 MB; raise memory.budgetMegabytes or lower them"));
    }

    private static List<string> ValidationFailures(ServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            return failures.ToList();
        }
    }

    private ServiceProvider BuildServices(params string[] args)
    {
        string[] all = ["--images", _folder.ImagesDirectory, .. args];
        var settings = IiifConfigurationSources.Load(_folder.Location(), all, WebTestFolder.NoEnvironment);
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(_folder.Root))
            .AddIiifOptions()
            .BuildServiceProvider();
    }
}
