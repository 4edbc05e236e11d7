using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Health;

/// <summary>Checks what a request needs that can break after start-up: the image folder (an unmounted share, changed
/// permissions) and the native JPEG 2000 codec. Cheap enough for a load balancer to call every few seconds: it reads
/// one directory entry and calls opj_version. Options come from the monitor, which keeps the instance validated at
/// start-up: IOptions would validate again on first use and throw once the folder is gone, the very case to report.</summary>
internal sealed class HealthProbe(IOptionsMonitor<FileSystemSourceOptions> images, RemoteSourceCounters? remote = null)
{
    /// <summary>How long a failed upstream answer is reported after it.</summary>
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);

    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string Readable = "readable";
    public const string Unreadable = "unreadable";
    public const string Unavailable = "unavailable";

    public string ImagesRoot => images.CurrentValue.Root;

    public HealthReport Check()
    {
        var imagesReadable = IsReadable(images.CurrentValue.Root);
        var codecVersion = Jpeg2000Codec.TryGetVersion();
        var healthy = imagesReadable && codecVersion is not null;
        var now = DateTimeOffset.UtcNow;
        return new HealthReport(healthy ? Ok : Failing, imagesReadable ? Readable : Unreadable, codecVersion ?? Unavailable)
        {
            Sources = remote is { Rules.Count: > 0 } ? remote.Rules.ToDictionary(r => r.Key, r => r.Value.StateAt(now, FailureWindow)) : null,
        };
    }

    internal static bool IsReadable(string folder)
    {
        try
        {
            // Enumerating (not just Directory.Exists) catches a folder that exists but may not be listed.
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
