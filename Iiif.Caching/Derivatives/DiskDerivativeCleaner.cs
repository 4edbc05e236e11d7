using Iiif.Caching.Derivatives.Disk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Derivatives;

/// <summary>One pass over the disk tier: deletes entries not served within their clean age (profile or other; zero =
/// never), orphans (a data file without sidecar or the reverse) and temp files an interrupted write left behind, then
/// removes folders left empty. Ages come from the index (newest) or the sidecar, never from filesystem atime.</summary>
internal sealed class DiskDerivativeCleaner(
    IOptions<CachingOptions> options, TimeProvider time, ILogger<DiskDerivativeCleaner> logger, DiskDerivativeStore disk)
    : IDerivativeCleaner
{
    public async Task<CleanReport> CleanAsync(CancellationToken cancellationToken)
    {
        var root = disk.Layout.DerivativesRoot;
        if (!disk.Enabled || !Directory.Exists(root))
        {
            return new CleanReport(0, 0, 0, 0);
        }

        await disk.WaitForIndexAsync().ConfigureAwait(false);
        var pass = new Pass(time.GetUtcNow(), options.Value, disk);
        foreach (var fan in Directory.EnumerateDirectories(root))
        {
            foreach (var group in Directory.EnumerateDirectories(fan))
            {
                cancellationToken.ThrowIfCancellationRequested();
                pass.CleanGroup(group);
                pass.RemoveIfEmpty(group);
            }

            pass.RemoveIfEmpty(fan);
        }

        var report = pass.Report;
        Log.Cleaned(logger, report.Examined, report.Deleted, report.BytesFreed, report.FoldersRemoved);
        return report;
    }

    private sealed class Pass(DateTimeOffset now, CachingOptions options, DiskDerivativeStore disk)
    {
        private int _examined;
        private int _deleted;
        private long _bytes;
        private int _folders;

        public CleanReport Report => new(_examined, _deleted, _bytes, _folders);

        public void CleanGroup(string group)
        {
            foreach (var metaPath in Directory.EnumerateFiles(group, "*" + DiskLayout.MetaExtension).ToList())
            {
                _examined++;
                var dataPath = DiskLayout.DataPathOf(metaPath);
                var (sidecar, raw) = DiskFiles.ReadSidecar(metaPath);
                if (sidecar is null || !File.Exists(dataPath) || IsExpired(dataPath, sidecar))
                {
                    Delete(dataPath, raw, sidecar?.Length ?? LengthOf(dataPath));
                }
            }

            foreach (var dataPath in Directory.EnumerateFiles(group, "*" + DiskLayout.DataExtension).ToList())
            {
                if (!File.Exists(DiskLayout.MetaPathOf(dataPath)))
                {
                    _examined++;
                    Delete(dataPath, null, LengthOf(dataPath));
                }
            }

            foreach (var temp in Directory.EnumerateFiles(group, "*" + DiskLayout.TempExtension).ToList())
            {
                if (now - File.GetLastWriteTimeUtc(temp) > DiskLayout.StaleTempAge)
                {
                    DiskFiles.TryDelete(temp, disk.Logger);
                }
            }
        }

        public void RemoveIfEmpty(string folder)
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                    _folders++;
                }
            }
            catch (IOException)
            {
                // A writer put a file in it meanwhile: it is not empty any more.
            }
        }

        private bool IsExpired(string dataPath, DiskSidecar sidecar)
        {
            var lastServed = sidecar.LastServed;
            if (disk.Index.TryGet(dataPath, out var indexed) && indexed.LastServed > lastServed)
            {
                lastServed = indexed.LastServed;
            }

            var maxAge = sidecar.IsProfile ? options.Clean.ProfileAfter : options.Clean.OtherAfter;
            return maxAge > TimeSpan.Zero && now - lastServed > maxAge;
        }

        private void Delete(string dataPath, byte[]? sidecarBytes, long length)
        {
            if (disk.DeleteIfUnchanged(dataPath, sidecarBytes))
            {
                _deleted++;
                _bytes += length;
            }
        }

        private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
    }
}
