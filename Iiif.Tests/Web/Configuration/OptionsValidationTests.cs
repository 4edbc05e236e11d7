using Iiif.Caching;
using Iiif.Imaging.Sources;
using Iiif.Web;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Web.Configuration;

/// <summary>Every rule of start-up validation, run on the shipped default.yml with one key changed from the command
/// line, as an operator would: the failure must name the key in its YAML spelling.</summary>
[TestFixture]
public class OptionsValidationTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void Validate_ShippedDefaults_Pass() =>
        Assert.That(ValidationFailures(), Is.Empty);

    [TestCase("--limits:maxWidth=-1", "limits.maxWidth: must be a positive integer")]
    [TestCase("--limits:maxArea=-1", "limits.maxArea: must be a positive integer")]
    [TestCase("--limits:upscaleFactor=0.5", "limits.upscaleFactor: must be 0 (no factor limit) or at least 1")]
    [TestCase("--server:defaultVersion=4", "server.defaultVersion: must be 2 or 3")]
    [TestCase("--server:prefix=i i", "server.prefix: may hold only")]
    [TestCase("--server:urls=localhost:3001", "server.urls: 'localhost:3001' must start with http://")]
    [TestCase("--server:port=70000", "server.port: must be a port number")]
    [TestCase("--server:baseUri=images.example.org", "server.baseUri: must be empty or an absolute http(s) URL")]
    [TestCase("--server:trustedProxies:0=proxy", "server.trustedProxies: 'proxy' is neither an IP address nor a CIDR")]
    [TestCase("--server:allowedHosts:0=https://images.example.org", "server.allowedHosts: 'https://images.example.org' is not a host name")]
    [TestCase("--server:allowedHosts:0=images.example.org:443", "server.allowedHosts: 'images.example.org:443' is not a host name")]
    [TestCase("--server:cors=example.org", "server.cors: must be")]
    [TestCase("--server:minResponseBytesPerSecond=-1", "server.minResponseBytesPerSecond: must be between 0 and")]
    [TestCase("--server:writeTimeoutSeconds=-1", "server.writeTimeoutSeconds: must be between 0 and 3600 seconds")]
    [TestCase("--cache:derivatives:minFreeMegabytes=-1", "cache.derivatives.minFreeMegabytes: must be a positive number of megabytes")]
    [TestCase("--server:maxUrlLength=10", "server.maxUrlLength: must be between 256 and 65536")]
    [TestCase("--images:resolver=flat", "images.resolver: must be one of simple, nested, pairtree")]
    [TestCase("--images:nestedDepth=0", "images.nestedDepth: must be between 1 and 64")]
    [TestCase("--images:resolver=7", "images.resolver: must be one of simple, nested, pairtree")]
    [TestCase("--imaging:resampler=99", "imaging.resampler: must be one of bicubic, lanczos3")]
    [TestCase("--imaging:webpQuality=101", "imaging.webpQuality: must be between 0 and 100")]
    [TestCase("--imaging:bitonalThreshold=2", "imaging.bitonalThreshold: must be between 0 and 1")]
    [TestCase("--imaging:maxDegreeOfParallelism=0", "imaging.maxDegreeOfParallelism: must be between 1 and 1024")]
    [TestCase("--imaging:maximumPoolSizeMegabytes=-1", "imaging.maximumPoolSizeMegabytes: must be between 0 and")]
    [TestCase("--memory:budgetMegabytes=10", "memory.budgetMegabytes: must be between 64 and")]
    [TestCase("--cache:info:maxEntries=0", "cache.info.maxEntries: must be between 1 and")]
    [TestCase("--cache:memory:maxSizeMegabytes=-1", "cache.memory.maxSizeMegabytes: must be between 0 and")]
    [TestCase("--images:extensions:0=.j p2", "images.extensions: 'j p2' must be letters and digits only")]
    [TestCase("--imaging:tileSize=32", "imaging.tileSize: must be between 64 and 4096 pixels")]
    [TestCase("--imaging:jpegQuality=0", "imaging.jpegQuality: must be between 1 and 100")]
    [TestCase("--imaging:pngCompressionLevel=10", "imaging.pngCompressionLevel: must be between 0 and 9")]
    [TestCase("--imaging:resampler=sharpest", "imaging.resampler: must be one of bicubic")]
    [TestCase("--imaging:queueTimeout=-1", "imaging.queueTimeout: must be between 0 and 3600 seconds")]
    [TestCase("--imaging:blockCacheMegabytes=-1", "imaging.blockCacheMegabytes: must be between 0 and 65536 megabytes")]
    [TestCase("--imaging:blockCacheMegabytes=65537", "imaging.blockCacheMegabytes: must be between 0 and 65536 megabytes")]
    [TestCase("--info:rights=CC-BY", "info.rights: must be empty or an absolute http(s) URI")]
    [TestCase("--cache:info:ttl=0", "cache.info.ttl: must be a positive number of seconds")]
    [TestCase("--cache:warm:clearWith=all", "cache.warm.clearWith: must be one of id, profile, none")]
    [TestCase("--cache:redis:maxItemKilobytes=0", "cache.redis.maxItemKilobytes: must be between 1 and")]
    [TestCase("--profiles:full600=/full/600", "profiles.full600: '/full/600' must be a URL tail")]
    [TestCase("--admin:apiKey=short", "admin.apiKey: must be empty (admin endpoints off) or at least 16 characters")]
    [TestCase("--admin:allowedIps:0=everyone", "admin.allowedIps: 'everyone' is neither")]
    [TestCase("--metrics:allowedIps:0=prometheus", "metrics.allowedIps: 'prometheus' is neither")]
    [TestCase("--logging:level=Verbose", "logging.level: must be one of Trace, Debug, Info")]
    public void Validate_BadValue_FailureNamesKey(string argument, string expected) =>
        Assert.That(ValidationFailures(argument), Has.One.StartsWith(expected));

    [TestCase("--limits:maxHeight=100", "limits.maxHeight: needs limits.maxWidth")]
    [TestCase("--limits:upscaling=true", "limits.upscaling: needs limits.maxWidth or limits.maxArea")]
    [Description("Image API 3.0 rules, on a configuration without the default maxWidth and maxArea.")]
    public void Validate_LimitWithoutMaxWidth_FailureNamesKey(string argument, string expected) =>
        Assert.That(ValidationFailures("--limits:maxWidth=0", "--limits:maxArea=0", argument), Has.One.StartsWith(expected));

    [Test]
    public void Validate_MissingImagesFolder_FailureNamesKeyAndFolder()
    {
        var missing = Path.Combine(_folder.Root, "nowhere");

        Assert.That(ValidationFailures("--images", missing),
            Has.One.EqualTo($"images.root: folder '{missing}' does not exist (set images.root or pass --images DIR)"));
    }

    [Test]
    public void Validate_UpscalingWithMaxArea_Passes() =>
        Assert.That(ValidationFailures("--limits:upscaling=true", "--limits:maxArea=16777216"), Is.Empty);

    [Test]
    public void Validate_ClearWithOldFalse_ReadAsNone()
    {
        using var services = BuildServices("--cache:warm:clearWith=false");

        Assert.That(services.GetRequiredService<IOptions<CachingOptions>>().Value.Warm.ClearWith, Is.EqualTo("none"));
    }

    [Test]
    [Description("Relative folders resolve against the content root, the folder the server was started from.")]
    public void PostConfigure_RelativeFolders_ResolveAgainstContentRoot()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Root, "pictures"));
        using var services = BuildServices("--images", "pictures", "--cache", "store", "--logging:directory=logs");

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IOptions<FileSystemSourceOptions>>().Value.Root, Is.EqualTo(Path.Combine(_folder.Root, "pictures")));
            Assert.That(services.GetRequiredService<IOptions<CachingOptions>>().Value.Root, Is.EqualTo(Path.Combine(_folder.Root, "store")));
            Assert.That(services.GetRequiredService<IOptions<LoggingOptions>>().Value.Directory, Is.EqualTo(Path.Combine(_folder.Root, "logs")));
        });
    }

    [Test]
    public void Bind_ServerValues_ReachOptions()
    {
        using var services = BuildServices("--server:prefix=/images/iiif/", "--server:trustedProxies:0=10.0.0.0/8");

        var server = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        Assert.That(server.Prefix, Is.EqualTo("images/iiif"));
        Assert.That(server.TrustedProxies, Is.EqualTo(new[] { "10.0.0.0/8" }));
    }

    [Test]
    public void Bind_InfoLists_BecomeJsonObjects()
    {
        _folder.WriteConfig("local.yml",
            "info:\n  seeAlso:\n    - id: https://example.org/a.xml\n      label: { en: [ \"A\" ] }\n    - id: https://example.org/b\n");
        using var services = BuildServices();

        var seeAlso = services.GetRequiredService<IOptions<InfoOptions>>().Value.SeeAlso;
        Assert.That(seeAlso.Select(e => e.GetRawText()), Is.EqualTo(new[]
        {
            """{"id":"https://example.org/a.xml","label":{"en":["A"]}}""",
            """{"id":"https://example.org/b"}""",
        }));
    }

    [Test]
    public void Bind_LimitsToServerLimits_ZerosMeanNoLimit()
    {
        using var services = BuildServices("--limits:maxWidth=4000", "--limits:maxArea=0", "--limits:maxOutputMegabytes=0");

        var limits = services.GetRequiredService<IOptions<LimitsOptions>>().Value.ToServerLimits();
        Assert.That(limits, Is.EqualTo(new Iiif.Core.Planning.ServerLimits(4000, null, null, true, 2m)));
    }

    private List<string> ValidationFailures(params string[] args)
    {
        using var services = BuildServices(args);
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
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(_folder.Root))
            .AddIiifOptions();
        return services.BuildServiceProvider();
    }
}
