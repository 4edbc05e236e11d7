using System.Text;

namespace Iiif.Imaging.Sources;

/// <summary>The identifier-to-file mapping of one <see cref="FileSystemResolverScheme"/>, both ways: the relative paths to
/// probe for an identifier, in order, and the identifier a file found while listing stands for. Paths use '/' and are
/// relative to the root; confinement is <see cref="ConfinedPath"/>'s job.</summary>
internal sealed class FileSystemLayout
{
    private readonly FileSystemResolverScheme _scheme;
    private readonly int _nestedDepth;
    private readonly IReadOnlyList<string> _extensions;

    public FileSystemLayout(FileSystemResolverScheme scheme, int nestedDepth, IReadOnlyList<string> extensions)
    {
        _scheme = scheme;
        _nestedDepth = nestedDepth;
        _extensions = extensions;
    }

    /// <summary>The extensions probed, in order.</summary>
    public IReadOnlyList<string> Extensions => _extensions;

    /// <summary>The relative paths that may hold <paramref name="identifier"/>, most specific first.</summary>
    public IEnumerable<string> Candidates(string identifier)
    {
        var stem = _scheme switch
        {
            FileSystemResolverScheme.Simple => identifier,
            FileSystemResolverScheme.Nested => NestedStem(identifier),
            _ => PairtreeStem(identifier),
        };
        if (stem is null)
        {
            yield break;
        }

        // An identifier that already names its file ("page1.jpg") is tried as is first. Pairtree cannot have this case:
        // cleaning turns every '.' into ','.
        if (_scheme != FileSystemResolverScheme.Pairtree && KnownExtension(identifier) is not null)
        {
            yield return stem;
        }

        foreach (var extension in _extensions)
        {
            yield return stem + "." + extension;
        }
    }

    /// <summary>The identifier a listed file stands for, or null when the file is not where the scheme would look for
    /// it. <paramref name="folders"/> are the folder names from the root down; <paramref name="fileName"/> is the file's.</summary>
    public string? IdentifierOf(IReadOnlyList<string> folders, string fileName)
    {
        if (KnownExtension(fileName) is not { } extension || fileName.Length == extension.Length + 1)
        {
            return null;
        }

        var stem = fileName[..^(extension.Length + 1)];
        return _scheme switch
        {
            FileSystemResolverScheme.Simple => Join(folders, 0, stem),
            FileSystemResolverScheme.Nested => NestedIdentifier(folders, stem),
            _ => PairtreeIdentifier(folders, stem),
        };
    }

    /// <summary>True when a listing should descend into a folder of this name. In a pairtree only shorties continue a
    /// path; longer names belong to something else (spec section 2).</summary>
    public bool MayHoldImages(string folderName) =>
        _scheme != FileSystemResolverScheme.Pairtree || Pairtree.IsShorty(folderName);

    private string? KnownExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0 || name.IndexOf('/', dot) >= 0)
        {
            return null;
        }

        var extension = name[(dot + 1)..];
        return _extensions.Contains(extension, StringComparer.Ordinal) ? extension : null;
    }

    // Nested: the folder is the identifier's first N characters (Unicode scalar values, so a surrogate pair is never
    // split). A prefix containing '/' could not be one folder name, so such identifiers have no file.
    private string? NestedStem(string identifier)
    {
        var prefix = NestedPrefix(identifier);
        return prefix.Contains('/', StringComparison.Ordinal) ? null : prefix + "/" + identifier;
    }

    private string NestedPrefix(string identifier)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var rune in identifier.EnumerateRunes())
        {
            if (count++ == _nestedDepth)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private string? NestedIdentifier(IReadOnlyList<string> folders, string stem)
    {
        if (folders.Count == 0)
        {
            return null;
        }

        var identifier = Join(folders, 1, stem);
        return string.Equals(NestedPrefix(identifier), folders[0], StringComparison.Ordinal) ? identifier : null;
    }

    private static string PairtreeStem(string identifier)
    {
        var cleaned = Pairtree.Clean(identifier);
        return Pairtree.ShortyPath(cleaned) + "/" + cleaned;
    }

    private static string? PairtreeIdentifier(IReadOnlyList<string> folders, string stem)
    {
        // The file must sit exactly in the folder its own name splits into, and its name must be canonical.
        var identifier = Pairtree.Unclean(stem);
        var expected = identifier is null ? null : PairtreeStem(identifier);
        return expected is not null && string.Equals(expected, Join(folders, 0, stem), StringComparison.Ordinal)
            ? identifier
            : null;
    }

    private static string Join(IReadOnlyList<string> folders, int skip, string last) =>
        string.Join('/', folders.Skip(skip).Append(last));
}
