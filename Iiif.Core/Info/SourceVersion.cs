using System.Globalization;

namespace Iiif.Core.Info;

/// <summary>Which version of a source a fact or derivative was made from: its modification time, its length and, for
/// remote sources, the entity tag the upstream gave it. Caches key on it so a replaced source is never described by
/// stale facts or served stale pixels.</summary>
/// <param name="LastModified">The source's last write time (UTC); for a remote source its Last-Modified, or the Unix
/// epoch when the upstream sends none.</param>
/// <param name="Length">The source's length in bytes.</param>
/// <param name="Tag">The upstream's entity tag (HTTP ETag, S3 ETag) as sent, quotes included; null for files, whose
/// time and length are the version.</param>
public readonly record struct SourceVersion(DateTimeOffset LastModified, long Length, string? Tag = null)
{
    /// <summary>A short, stable token for keys and ETags: ticks and length in hex, and a hash of the entity tag when
    /// there is one (an upstream may keep the time and length of a replaced object, never its entity tag).</summary>
    public string Token => Tag is null
        ? string.Create(CultureInfo.InvariantCulture, $"{LastModified.UtcTicks:x}-{Length:x}")
        : string.Create(CultureInfo.InvariantCulture, $"{LastModified.UtcTicks:x}-{Length:x}-{Fnv1a(Tag):x16}");

    // FNV-1a, 64 bits (http://www.isthe.com/chongo/tech/comp/fnv/): Core has no hashing package, and a token only has
    // to change when the tag does.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
