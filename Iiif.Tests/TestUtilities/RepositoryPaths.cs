namespace Iiif.Tests.TestUtilities;

/// <summary>Finds the repository root (the folder holding Iiif.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Project(string name) => Path.Combine(Root, name, name + ".csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iiif.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Iiif.sln not found above the test folder.");
    }
}
