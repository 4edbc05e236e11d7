namespace Iiif.Imaging.Sources;

/// <summary>A span of a source's bytes: [<see cref="Offset"/>, <see cref="End"/>).</summary>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>The first byte after the range.</summary>
    public long End => Offset + Length;

    /// <summary>The range from <paramref name="offset"/> to <paramref name="end"/>.</summary>
    public static ByteRange FromTo(long offset, long end) => new(offset, Math.Max(0, end - offset));

    /// <summary><paramref name="ranges"/> clipped to [0, <paramref name="length"/>), sorted, and merged where they overlap
    /// or lie less than <paramref name="gap"/> bytes apart (one request for both costs less than two).</summary>
    public static List<ByteRange> Coalesce(IEnumerable<ByteRange> ranges, long length, long gap)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var merged = new List<ByteRange>();
        foreach (var range in ranges
            .Select(r => FromTo(Math.Max(0, r.Offset), Math.Min(length, r.End)))
            .Where(r => r.Length > 0)
            .OrderBy(r => r.Offset))
        {
            if (merged.Count > 0 && range.Offset <= merged[^1].End + gap)
            {
                merged[^1] = FromTo(merged[^1].Offset, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
