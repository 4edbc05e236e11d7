using System.Reflection;
using System.Xml.Linq;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Architecture;

/// <summary>Keeps the project reference graph: Core calls nothing; Imaging and Caching reference Core, never each
/// other; only Web knows HTTP, YAML and NLog. Checked twice: in the project files and in the compiled assemblies.</summary>
[TestFixture]
public class ProjectReferenceTests
{
    private static readonly string[] WebOnlyPrefixes = ["Microsoft.AspNetCore", "NLog", "NetEscapades", "YamlDotNet", "Swashbuckle"];

    // Public key tokens of the .NET base class library assemblies.
    private static readonly HashSet<string> FrameworkTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "b77a5c561934e089",
    };

    private static readonly Assembly CoreAssembly = typeof(Iiif.Core.Errors.IiifError).Assembly;

    [Test]
    public void Core_ProjectFile_HasNoPackageOrProjectReferences()
    {
        var references = ReferencesIn(RepositoryPaths.Project("Iiif.Core"));
        Assert.That(references, Is.Empty, "Iiif.Core may use the base class library only.");
    }

    [Test]
    public void Core_Assembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var offenders = CoreAssembly.GetReferencedAssemblies()
            .Where(a => !IsBaseClassLibrary(a))
            .Select(a => a.FullName)
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("Iiif.Imaging", "Iiif.Caching")]
    [TestCase("Iiif.Caching", "Iiif.Imaging")]
    public void ImagingAndCaching_NeverReferenceEachOther(string project, string forbidden)
    {
        Assert.That(ReferencesIn(RepositoryPaths.Project(project)), Has.None.Contains(forbidden));
        var assembly = Assembly.Load(project);
        Assert.That(assembly.GetReferencedAssemblies().Select(a => a.Name), Has.None.EqualTo(forbidden));
    }

    [TestCase("Iiif.Imaging")]
    [TestCase("Iiif.Caching")]
    [TestCase("Iiif.Core")]
    public void OnlyWeb_ReferencesAspNetCoreNLogOrYaml(string project)
    {
        var csproj = XDocument.Load(RepositoryPaths.Project(project));
        Assert.That(csproj.Root!.Attribute("Sdk")!.Value, Is.EqualTo("Microsoft.NET.Sdk"), "only Iiif.Web may use the Web SDK");
        Assert.That(ReferencesIn(RepositoryPaths.Project(project)).Where(IsWebOnly), Is.Empty);

        var compiled = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(IsWebOnly);
        Assert.That(compiled, Is.Empty);
    }

    [Test]
    public void Web_ReferencesCoreImagingAndCaching()
    {
        var references = ReferencesIn(RepositoryPaths.Project("Iiif.Web"));
        Assert.That(references, Is.SupersetOf(new[] { "Iiif.Core", "Iiif.Imaging", "Iiif.Caching" }));
    }

    private static bool IsWebOnly(string name) =>
        WebOnlyPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static bool IsBaseClassLibrary(AssemblyName name)
    {
        var token = Convert.ToHexString(name.GetPublicKeyToken() ?? []);
        var named = name.Name is "netstandard" or "mscorlib" || name.Name!.StartsWith("System", StringComparison.Ordinal);
        return named && FrameworkTokens.Contains(token);
    }

    /// <summary>Names of the packages and projects (file names without extension) a project file references.</summary>
    private static List<string> ReferencesIn(string csprojPath)
    {
        var doc = XDocument.Load(csprojPath);
        var packages = doc.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "");
        var projects = doc.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')));
        return packages.Concat(projects).ToList();
    }
}
