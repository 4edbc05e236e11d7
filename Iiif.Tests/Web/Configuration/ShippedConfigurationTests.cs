using System.Reflection;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Configuration;

namespace Iiif.Tests.Web.Configuration;

/// <summary>The YAML files shipped in Iiif.Web/config: default.yml documents every key with the values the options
/// classes also use as defaults, and every overlay passes the same checks as an operator's file.</summary>
[TestFixture]
public class ShippedConfigurationTests
{
    private static readonly (string Section, Type Options)[] Sections =
        [.. ConfigurationSections.All.Select(s => (s.Name, s.Options))];

    private static Dictionary<string, string?> Defaults() =>
        ConfigurationLayerMerger.Merge([YamlLayer.Read(WebTestFolder.ShippedConfigFile("default.yml"), optional: false)]);

    [Test]
    [Description("default.yml holds every key, so it documents the whole configuration.")]
    public void DefaultYml_HoldsEveryOptionKey()
    {
        var keys = Defaults().Keys.ToList();
        var missing = Sections.SelectMany(s => KeysOf(s.Options, s.Section))
            .Where(key => !keys.Any(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)
                || k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.That(missing, Is.Empty);
        Assert.That(keys, Has.Some.StartsWith("profiles:"));
    }

    [Test]
    [Description("The defaults in the options classes (used when a key is absent) equal those in default.yml.")]
    public void DefaultYml_ScalarValues_EqualOptionClassDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Defaults()).Build();
        foreach (var (section, type) in Sections)
        {
            var bound = configuration.GetSection(section).Get(type)!;
            AssertScalarsEqual(Activator.CreateInstance(type)!, bound, section);
        }
    }

    [TestCase("Development")]
    [TestCase("Production")]
    public void Overlay_OnShippedDefaults_PassesEveryCheck(string environment)
    {
        using var folder = new WebTestFolder();
        File.Copy(WebTestFolder.ShippedConfigFile(environment + ".yml"), Path.Combine(folder.ConfigDirectory, environment + ".yml"));

        var settings = IiifConfigurationSources.Load(folder.Location(environment), [], WebTestFolder.NoEnvironment);

        Assert.That(ConfigurationKeyChecker.Check(settings), Is.Empty);
    }

    [Test]
    [Description("Options classes sharing a section (imaging) must not both claim a key.")]
    public void Sections_SharedByClasses_NoKeyBoundTwice()
    {
        var keys = Sections.SelectMany(s => KeysOf(s.Options, s.Section)).ToList();

        Assert.That(keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty);
    }

    [Test]
    public void DefaultYml_AllKeys_KnownToTheChecker() =>
        Assert.That(ConfigurationKeyChecker.Check(Defaults()), Is.Empty);

    private static IEnumerable<string> KeysOf(Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsConfigured))
        {
            var key = path + ":" + property.Name;
            if (ConfigurationRules.IsSection(property.PropertyType))
            {
                foreach (var nested in KeysOf(property.PropertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    /// <summary>Bound by the binder (public setter) or filled from the section (InfoOptions' lists).</summary>
    private static bool IsConfigured(PropertyInfo property) => property.SetMethod is { IsPublic: true } or { IsAssembly: true };

    private static void AssertScalarsEqual(object expected, object actual, string path)
    {
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsConfigured))
        {
            var key = path + "." + property.Name;
            if (ConfigurationRules.IsSection(property.PropertyType))
            {
                AssertScalarsEqual(property.GetValue(expected)!, property.GetValue(actual)!, key);
            }
            else if (ConfigurationRules.IsScalar(property.PropertyType))
            {
                Assert.That(property.GetValue(actual), Is.EqualTo(property.GetValue(expected)), key);
            }
        }
    }
}
