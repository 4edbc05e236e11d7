using Iiif.Core.Identifiers;

namespace Iiif.Imaging.Sources;

/// <summary>Lists the identifiers below a root: a depth-first walk in ordinal name order (so the same tree always lists
/// the same way), stopping after a maximum count.</summary>
/// <remarks>Skipped: hidden entries (dot-files on Unix), symbolic links (a listing never leaves the root or loops; a link
/// that stays inside the root still resolves when asked for by name), unreadable folders, folders deeper than
/// <see cref="MaxDepth"/>, files whose name has no known extension, and names that are not valid identifiers. An
/// identifier stored under several extensions is listed once.</remarks>
internal sealed class FileSystemLister
{
    /// <summary>The deepest folder level walked (a pairtree needs one level per two identifier characters).</summary>
    public const int MaxDepth = 128;

    private static readonly EnumerationOptions Options = new()
    {
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly FileSystemLayout _layout;
    private readonly int _maxCount;

    public FileSystemLister(FileSystemLayout layout, int maxCount)
    {
        _layout = layout;
        _maxCount = maxCount;
    }

    /// <summary>The identifiers below <paramref name="realRoot"/>, at most the maximum count.</summary>
    public IEnumerable<ImageIdentifier> List(string realRoot, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string>();
        return Walk(new DirectoryInfo(realRoot), folders, seen, cancellationToken);
    }

    private IEnumerable<ImageIdentifier> Walk(
        DirectoryInfo folder, List<string> folders, HashSet<string> seen, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in SortedEntries(folder))
        {
            if (seen.Count >= _maxCount)
            {
                yield break;
            }

            if (entry is FileInfo file)
            {
                if (Identify(folders, file.Name) is { } identifier && seen.Add(identifier.Value))
                {
                    yield return identifier;
                }

                continue;
            }

            if (folders.Count >= MaxDepth || !_layout.MayHoldImages(entry.Name))
            {
                continue;
            }

            folders.Add(entry.Name);
            foreach (var identifier in Walk((DirectoryInfo)entry, folders, seen, cancellationToken))
            {
                yield return identifier;
            }

            folders.RemoveAt(folders.Count - 1);
        }
    }

    private ImageIdentifier? Identify(List<string> folders, string fileName)
    {
        var value = _layout.IdentifierOf(folders, fileName);
        return value is not null && ImageIdentifierParser.FromDecoded(value) is { IsSuccess: true } parsed ? parsed.Value : null;
    }

    private static FileSystemInfo[] SortedEntries(DirectoryInfo folder)
    {
        try
        {
            var entries = folder.GetFileSystemInfos("*", Options);
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
