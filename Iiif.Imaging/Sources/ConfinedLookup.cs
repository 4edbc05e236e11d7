namespace Iiif.Imaging.Sources;

/// <summary>What <see cref="ConfinedPath.FindFile"/> found: the file, or none; when none because a symbolic link led out of
/// the root, where it led (for the operator's log only, never for a response).</summary>
internal readonly record struct ConfinedLookup(FileInfo? File, string? OutsideTarget);
