namespace Iiif.Web.Logging;

/// <summary>The log files this process writes (shown at start-up), and the lock that keeps a command's log file its
/// own while it runs: each process writes its own file, because two writers of one file overwrite each other's lines.</summary>
internal sealed class IiifLogFiles(IReadOnlyList<string> paths, IDisposable? reservation) : IDisposable
{
    public IReadOnlyList<string> Paths { get; } = paths;

    public void Dispose() => reservation?.Dispose();
}
