namespace Iiif.Caching.Derivatives.Disk;

/// <summary>Where disk derivatives live: <c>{Root}/derivatives/{group[0..2]}/{group}/{entry}.bin</c> with the sidecar
/// <c>{entry}.meta.json</c> beside it, where group is SHA-256(identifier) and entry SHA-256(request + "\n" + source
/// version). The two-character fan-out keeps folders small; one folder per identifier makes a purge one delete.</summary>
internal sealed class DiskLayout(string root)
{
    public const string DataExtension = ".bin";
    public const string MetaExtension = ".meta.json";
    public const string TempExtension = ".tmp";

    /// <summary>A temp file older than this belongs to a write that can no longer finish (stores write bytes already in
    /// memory, in well under a second); start-up and the cleaner delete such files.</summary>
    public static readonly TimeSpan StaleTempAge = TimeSpan.FromMinutes(1);

    public string DerivativesRoot { get; } = Path.Combine(Path.GetFullPath(root), "derivatives");

    public string GroupFolder(string group) => Path.Combine(DerivativesRoot, group[..2], group);

    public string DataPath(DerivativeId id) => Path.Combine(GroupFolder(id.Group), id.Entry + DataExtension);

    public static string MetaPathOf(string dataPath) => dataPath[..^DataExtension.Length] + MetaExtension;

    public static string DataPathOf(string metaPath) => metaPath[..^MetaExtension.Length] + DataExtension;

    /// <summary>The tier-independent id (<see cref="DerivativeId.Id"/>) of a data file.</summary>
    public static string IdOf(string dataPath) =>
        $"{Path.GetFileName(Path.GetDirectoryName(dataPath))}/{Path.GetFileNameWithoutExtension(dataPath)}";
}
