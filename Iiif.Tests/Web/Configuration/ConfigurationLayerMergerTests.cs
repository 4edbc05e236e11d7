using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

[TestFixture]
public class ConfigurationLayerMergerTests
{
    [Test]
    public void Merge_ShorterListAbove_DropsLowerItems()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("a:list:0", "x"), ("a:list:1", "y"), ("a:list:2", "z")),
            Layer(("a:list:0", "only")),
        ]);

        Assert.That(merged, Is.EquivalentTo(Layer(("a:list:0", "only"))));
    }

    [Test]
    public void Merge_ListOfObjectsAbove_ReplacesNestedItems()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("info:service:0:id", "a"), ("info:service:0:label:en:0", "A"), ("info:service:1:id", "b")),
            Layer(("INFO:SERVICE:0:ID", "c")),
        ]);

        Assert.That(merged.Keys, Is.EquivalentTo(new[] { "INFO:SERVICE:0:ID" }));
    }

    [Test]
    public void Merge_EmptyValueAbove_ClearsSubtree()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("server:trustedProxies:0", "127.0.0.1"), ("server:urls", "u")),
            Layer(("server:trustedProxies", "")),
        ]);

        Assert.That(merged, Is.EquivalentTo(Layer(("server:trustedProxies", ""), ("server:urls", "u"))));
    }

    [Test]
    public void Merge_ListAboveEmptyValue_ReplacesIt()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("server:trustedProxies", "")),
            Layer(("server:trustedProxies:0", "10.0.0.1")),
        ]);

        Assert.That(merged, Is.EquivalentTo(Layer(("server:trustedProxies:0", "10.0.0.1"))));
    }

    [Test]
    [Description("Maps merge by name: an overlay adds or replaces single profiles.")]
    public void Merge_MapAbove_MergesByName()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("profiles:a", "/full/1,/0/default.jpg"), ("profiles:b", "/full/2,/0/default.jpg")),
            Layer(("profiles:b", "/full/3,/0/default.jpg"), ("profiles:c", "/full/4,/0/default.jpg")),
        ]);

        Assert.That(merged, Is.EquivalentTo(Layer(
            ("profiles:a", "/full/1,/0/default.jpg"), ("profiles:b", "/full/3,/0/default.jpg"), ("profiles:c", "/full/4,/0/default.jpg"))));
    }

    [Test]
    public void Merge_NumericNamesNotStartingAtZero_AreAMapNotAList()
    {
        var merged = ConfigurationLayerMerger.Merge([
            Layer(("profiles:300", "/full/300,/0/default.jpg")),
            Layer(("profiles:600", "/full/600,/0/default.jpg")),
        ]);

        Assert.That(merged, Has.Count.EqualTo(2));
    }

    private static List<KeyValuePair<string, string?>> Layer(params (string Key, string? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList();
}
