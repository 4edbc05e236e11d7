using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>File primitives of the disk tier: writes go to a temp file in the target's folder and are then renamed over
/// the target, so a reader sees the old file or the new one, never a partial one.</summary>
internal static class DiskFiles
{
    /// <summary>Writes <paramref name="bytes"/> to a new temp file beside <paramref name="target"/> and returns its name.
    /// A failed write deletes the file it created: a full disk must not collect empty temp files.</summary>
    public static async Task<string> WriteTempAsync(string target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temp = $"{target}.{Guid.NewGuid():N}{DiskLayout.TempExtension}";
        try
        {
            try
            {
                await WriteAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectoryNotFoundException)
            {
                // The cleaner may have removed the folder as empty between our CreateDirectory and this write.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await WriteAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            TryDeleteQuietly(temp);
            throw;
        }

        return temp;
    }

    public static byte[] Serialize(DiskSidecar sidecar) =>
        JsonSerializer.SerializeToUtf8Bytes(sidecar, DiskSidecarJsonContext.Default.DiskSidecar);

    /// <summary>The sidecar and its raw bytes, or null when it is missing or cannot be parsed.</summary>
    public static (DiskSidecar? Sidecar, byte[]? Raw) ReadSidecar(string metaPath)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(metaPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null);
        }

        try
        {
            var sidecar = JsonSerializer.Deserialize(raw, DiskSidecarJsonContext.Default.DiskSidecar);
            return sidecar is { Identifier: not null, Request: not null, SourceVersion: not null, Sha256: not null }
                ? (sidecar, raw) : (null, raw);
        }
        catch (JsonException)
        {
            return (null, raw);
        }
    }

    public static bool SameBytes(string path, byte[]? expected)
    {
        if (expected is null)
        {
            return !File.Exists(path);
        }

        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(expected);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static bool TryDelete(string? path, ILogger logger)
    {
        try
        {
            if (path is null || !File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(logger, path!, e);
            return false;
        }
    }

    private static void TryDeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the cleaner removes stale temp files too.
        }
    }

    private static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
