using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

[TestFixture]
public class ConfigurationKeyCheckerTests
{
    [TestCase("limits:maxWidth", "4000")]
    [TestCase("LIMITS:MAXWIDTH", "4000")]
    [TestCase("cache:info:checkperiod", "60")]
    [TestCase("images:extensions:0", "jp2")]
    [TestCase("info:service:0:label:en:0", "Login")]
    [TestCase("profiles:thumb", "/full/150,/0/default.jpg")]
    [TestCase("kestrel:endpoints:https:url", "https://0.0.0.0:443")]
    [TestCase("environment", "Development")]
    [TestCase("viewer", "")]
    [TestCase("imaging:jpegQuality", "90", Description = "bound to Iiif.Imaging's EncodingOptions")]
    [TestCase("imaging:tileSize", "256", Description = "the host's own imaging key")]
    [TestCase("imaging:maximumPoolSizeMegabytes", "64", Description = "ImageSharpOptions")]
    [TestCase("cache:memory:maxSizeMegabytes", "", Description = "Iiif.Caching's nested options")]
    [TestCase("memory:budgetMegabytes", "1024")]
    public void Check_KeyReadByAnOption_Accepted(string key, string value) =>
        Assert.That(ConfigurationKeyChecker.Check([new(key, value)]), Is.Empty);

    [TestCase("limits:maxWdith", "limits.maxWdith: unknown key; did you mean limits.maxWidth? (config/default.yml lists every key)")]
    [TestCase("port", "port: unknown key; did you mean server.port?")]
    [TestCase("cache:redis:configuraton", "cache.redis.configuraton: unknown key; did you mean cache.redis.configuration?")]
    [TestCase("imagse:root", "imagse: unknown key")]
    [TestCase("limits:maxWidth:x", "limits.maxWidth: is a single value, not a section")]
    [TestCase("viewer", "viewer: is a section, not a value; its keys are enabled")]
    [TestCase("cache:info:timeToLive", "cache.info.timeToLive: unknown key", Description = "computed, not configurable")]
    [TestCase("upsize_factor", "upsize_factor: unknown key; the old upsize_factor is now limits.upscaleFactor")]
    [TestCase("resolver:base_path", "resolver: unknown key; the old resolver settings are now images.root")]
    [TestCase("cache:base_path", "cache.base_path: unknown key; the old cache.base_path is now cache.root")]
    [TestCase("cache:clean:profile_image", "cache.clean.profile_image: unknown key; now cache.clean.profileImage, in seconds")]
    [TestCase("cache:warm:clear_with", "cache.warm.clear_with: unknown key; now cache.warm.clearWith")]
    [TestCase("jp2_binary", "jp2_binary: unknown key; no longer needed")]
    [TestCase("cache:redis:readinessGraceSeconds", "cache.redis.readinessGraceSeconds: unknown key; gone: a Redis outage no longer fails /health/ready")]
    [Description("Migration: a key of the old server names its replacement instead of being ignored.")]
    public void Check_KeyNoOptionReads_Reported(string key, string expected) =>
        Assert.That(ConfigurationKeyChecker.Check([new(key, "true")]), Has.One.StartsWith(expected));

    [Test]
    public void Check_ManyKeysUnderOneUnknownSection_ReportedOnce()
    {
        var failures = ConfigurationKeyChecker.Check([new("resolver:type", "simple"), new("resolver:base_path", "/srv")]);

        Assert.That(failures, Has.Count.EqualTo(1));
    }

    [TestCase("IIIF_PORT", "port", "port: unknown key, set by environment variable IIIF_PORT; did you mean server.port (IIIF_SERVER__PORT)?")]
    [TestCase("IIIF_USER", "user", "user: unknown key, set by environment variable IIIF_USER (every IIIF_* variable is read as a setting")]
    [Description("An environment variable that is no setting is named, with the nearest real key and its variable")]
    public void Check_UnknownKeyFromVariable_NamesVariableAndNearestKey(string variable, string key, string expected)
    {
        var origins = new Dictionary<string, string> { [key] = "environment variable " + variable };

        Assert.That(ConfigurationKeyChecker.Check([new(key, "3001")], origins), Has.One.StartsWith(expected));
    }
}
