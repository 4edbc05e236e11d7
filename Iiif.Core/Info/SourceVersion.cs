using System.Globalization;

namespace Iiif.Core.Info;

/// <summary>Which version of a source file a fact or derivative was made from: its modification time and length. Caches key
/// on it so a replaced source is never described by stale facts or served stale pixels.</summary>
/// <param name="LastModified">The source's last write time (UTC).</param>
/// <param name="Length">The source's length in bytes.</param>
public readonly record struct SourceVersion(DateTimeOffset LastModified, long Length)
{
    /// <summary>A short, stable token for keys and ETags: ticks and length in hex.</summary>
    public string Token => string.Create(CultureInfo.InvariantCulture, $"{LastModified.UtcTicks:x}-{Length:x}");
}
