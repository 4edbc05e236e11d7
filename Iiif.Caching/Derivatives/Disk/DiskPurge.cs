using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>Admin purges of the disk tier: one identifier's folder (or only its profile entries), or everything.</summary>
internal static class DiskPurge
{
    /// <summary>Deletes the identifier's entries (or only its profile entries); returns the ids removed.</summary>
    public static IReadOnlyCollection<string> Purge(DiskDerivativeStore store, string identifier, bool profilesOnly)
    {
        var folder = store.Layout.GroupFolder(DerivativeId.GroupOf(identifier));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metaPath in Directory.EnumerateFiles(folder, "*" + DiskLayout.MetaExtension))
        {
            var dataPath = DiskLayout.DataPathOf(metaPath);
            var (sidecar, _) = DiskFiles.ReadSidecar(metaPath);
            if ((!profilesOnly || sidecar?.IsProfile == true) && store.DeleteEntry(dataPath))
            {
                removed.Add(DiskLayout.IdOf(dataPath));
            }
        }

        if (!profilesOnly)
        {
            DeleteFolder(folder, store.Logger);
            store.Index.RemoveUnder(folder + Path.DirectorySeparatorChar);
        }

        return removed;
    }

    /// <summary>Deletes every disk entry; returns the ids removed.</summary>
    public static IReadOnlyCollection<string> PurgeAll(DiskDerivativeStore store)
    {
        var root = store.Layout.DerivativesRoot;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var removed = Directory.EnumerateFiles(root, "*" + DiskLayout.DataExtension, SearchOption.AllDirectories)
            .Select(DiskLayout.IdOf).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            DeleteFolder(folder, store.Logger);
        }

        store.Index.RemoveUnder(root + Path.DirectorySeparatorChar);
        return removed;
    }

    private static void DeleteFolder(string folder, ILogger logger)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing to purge.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(logger, folder, e);
        }
    }
}
