namespace Iiif.Imaging.Sources;

/// <summary>Keeps file access inside one root folder. A candidate is checked twice: lexically (after
/// <see cref="Path.GetFullPath(string)"/>, so <c>..</c> and absolute parts cannot climb out) and physically (after resolving
/// every symbolic link on the way, as <c>realpath(3)</c> does, so a link cannot lead out either).</summary>
/// <remarks>Symlink policy: links below the root, on the file or on any folder leading to it, are followed only when the
/// fully resolved path still lies below the root's own resolved path; otherwise the file counts as absent (and the caller
/// is told where the link led, to log it), unless the operator allows links out of the root. The root itself
/// may be, or lie below, a link. More than <see cref="MaxLinkHops"/> links on one path count as a loop. The check and the
/// later open are separate system calls, so someone able to write inside the root could swap a link in between; the
/// root's content is trusted that far, identifiers from requests are not.</remarks>
internal static class ConfinedPath
{
    /// <summary>The most links followed while resolving one path (Linux's own limit is 40).</summary>
    public const int MaxLinkHops = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The resolved absolute path of <paramref name="root"/>, or null when it is not an existing folder.</summary>
    public static string? ResolveRoot(string root)
    {
        var full = Path.GetFullPath(root);
        var pathRoot = Path.GetPathRoot(full) ?? full;
        var real = Resolve(pathRoot, full[pathRoot.Length..]);
        return real is not null && Directory.Exists(real) ? Path.TrimEndingDirectorySeparator(real) : null;
    }

    /// <summary>The regular, non-empty file that <paramref name="relativePath"/> names below the resolved root
    /// <paramref name="realRoot"/>, or no file when there is none or a link would lead outside the root (then
    /// <see cref="ConfinedLookup.OutsideTarget"/> says where). With <paramref name="followLinksOutside"/> links may lead
    /// anywhere; the relative path itself must still stay below the root.</summary>
    /// <remarks>Empty files count as absent: they are no image, and FIFOs and device nodes (which .NET cannot tell from
    /// regular files) report length 0 too, so this also keeps them from ever being opened.</remarks>
    public static ConfinedLookup FindFile(string realRoot, string relativePath, bool followLinksOutside = false)
    {
        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return default;
        }

        try
        {
            var lexical = Path.GetFullPath(Path.Join(realRoot, relativePath));
            if (!IsBelow(lexical, realRoot) || !File.Exists(lexical))
            {
                return default;
            }

            var real = Resolve(realRoot, lexical[realRoot.Length..]);
            if (real is null)
            {
                return default;
            }

            if (!IsBelow(real, realRoot) && !followLinksOutside)
            {
                return new ConfinedLookup(null, real);
            }

            var file = new FileInfo(real);
            return file.Exists && file.Length > 0 ? new ConfinedLookup(file, null) : default;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>True when <paramref name="path"/> lies strictly below <paramref name="root"/> (not the root itself).</summary>
    public static bool IsBelow(string path, string root)
    {
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>Walks <paramref name="relative"/> from the already resolved <paramref name="start"/> one component at a
    /// time, replacing each link by its target (whose own components are walked in turn). Components that do not exist
    /// are kept as they are. Null on a link loop.</summary>
    private static string? Resolve(string start, string relative)
    {
        var pending = new Stack<string>(relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = start;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
            }

            foreach (var targetPart in target.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }
}
