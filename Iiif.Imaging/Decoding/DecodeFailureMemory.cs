using System.Collections.Concurrent;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Sources;

namespace Iiif.Imaging.Decoding;

/// <summary>Failed decodes remembered for <see cref="Lifetime"/> per source version, so a damaged file (a JPEG 2000 cut
/// short by an interrupted copy) costs one failed decode, not one per request: a full-size request of a large damaged
/// file can spend seconds before it fails. A failure of the whole source is recalled for every region; one that only
/// concerns a region (<see cref="SourceDecodeException.RegionOnly"/>) only for that region and reduction. A replaced
/// file has a new version and is decoded again at once. Thread-safe.</summary>
internal sealed class DecodeFailureMemory(TimeProvider time)
{
    /// <summary>How long a failure is recalled instead of decoding again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Remembered failures before the map is simply cleared (each one is cheap to find again).</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<Key, (SourceDecodeException Failure, long At)> _failures = new();

    /// <summary>A fresh exception repeating the remembered failure of this source version and plan, or null.</summary>
    public SourceDecodeException? Recall(ImageSourceHandle source, RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        if (_failures.IsEmpty)
        {
            return null;
        }

        return Find(WholeSource(source)) ?? Find(RegionOf(source, plan));
    }

    /// <summary>Remembers <paramref name="failure"/> of this source version (and plan, when it concerns the region only).</summary>
    public void Remember(ImageSourceHandle source, RenderPlan plan, SourceDecodeException failure)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(failure);
        if (_failures.Count >= MaxEntries)
        {
            _failures.Clear();
        }

        _failures[failure.RegionOnly ? RegionOf(source, plan) : WholeSource(source)] = (failure, time.GetTimestamp());
    }

    private ImageDecodeException? Find(Key key)
    {
        if (!_failures.TryGetValue(key, out var remembered))
        {
            return null;
        }

        var age = time.GetElapsedTime(remembered.At);
        if (age >= Lifetime)
        {
            _failures.TryRemove(new KeyValuePair<Key, (SourceDecodeException, long)>(key, remembered));
            return null;
        }

        // A new exception per request: one instance thrown on several threads would share one stack trace.
        var message = FormattableString.Invariant(
            $"{remembered.Failure.Message} (remembered from a decode {age.TotalSeconds:0} s ago; tried again {Lifetime.TotalSeconds:0} s after it, or as soon as the file changes)");
        var messages = remembered.Failure is ImageDecodeException decode ? decode.DecoderMessages : [];
        return new ImageDecodeException(message, messages) { RegionOnly = remembered.Failure.RegionOnly };
    }

    private static Key WholeSource(ImageSourceHandle source) => new(SourceOf(source), source.Version, null, 0);

    private static Key RegionOf(ImageSourceHandle source, RenderPlan plan) =>
        new(SourceOf(source), source.Version, plan.SourceRegion, plan.Reduction.Level);

    private static string SourceOf(ImageSourceHandle source) => source.LocalPath ?? source.Identifier.Value;

    private readonly record struct Key(string Source, SourceVersion Version, PixelRect? Region, int Reduction);
}
