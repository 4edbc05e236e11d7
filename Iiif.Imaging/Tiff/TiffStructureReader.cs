using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Finds a TIFF's first image and the pyramid stored with it: reduced-resolution directories chained after it
/// (vips <c>--pyramid</c>, GDAL overviews) or listed in its SubIFDs (vips <c>--subifd</c>, Bio-Formats). Other pages of
/// a multi-page TIFF are not part of the image: only the first page is served.</summary>
internal static class TiffStructureReader
{
    /// <summary>Directories examined after the first, so a crafted chain cannot keep the reader busy.</summary>
    private const int MaxDirectories = 64;

    /// <summary>Virtual levels are added below the smallest stored one until the image fits in this many pixels.</summary>
    private const int SmallestLevelSide = 256;

    /// <summary>Reads the structure of the TIFF in <paramref name="source"/>.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a readable TIFF.</exception>
    /// <exception cref="TiffCodecUnavailableException">The first image's compression is not available.</exception>
    /// <exception cref="UnsupportedTiffLayoutException">The first image's samples cannot be turned into pixels.</exception>
    public static TiffFacts Read(TiffByteSource source, CancellationToken cancellationToken)
    {
        using var tif = TiffHandle.OpenRead(source, headerOnly: false, cancellationToken);
        var main = TiffDirectoryReader.Read(tif);
        var levels = new List<TiffLevel> { new(0, main) };
        var candidates = main.SubIfdOffsets.Count > 0 ? SubIfds(tif, main.SubIfdOffsets) : Chain(tif);
        foreach (var directory in candidates)
        {
            if (ReductionOf(main, directory) is { } reduction && levels.TrueForAll(l => l.Reduction != reduction)
                && directory.Layout.IsCompatibleWith(main.Layout))
            {
                levels.Add(new TiffLevel(reduction, directory));
            }
        }

        levels.Sort((a, b) => a.Reduction.CompareTo(b.Reduction));
        cancellationToken.ThrowIfCancellationRequested();
        return new TiffFacts
        {
            Levels = levels,
            ResolutionLevels = ResolutionLevels(levels[^1]),
            IsBigTiff = NativeMethods.IsBigTiff(tif) != 0,
        };
    }

    /// <summary>The reduction r for which <paramref name="level"/> is <paramref name="main"/> halved r times (each side
    /// rounded down or up), or null when it is no such level.</summary>
    public static int? ReductionOf(TiffDirectory main, TiffDirectory level)
    {
        for (var r = 1; r <= 30; r++)
        {
            if (Matches(main.Width, level.Width, r) && Matches(main.Height, level.Height, r))
            {
                return r;
            }
        }

        return null;
    }

    private static bool Matches(int full, int reduced, int r) =>
        reduced == full >> r || reduced == (int)(((long)full + (1L << r) - 1) >> r);

    private static int ResolutionLevels(TiffLevel smallest)
    {
        var levels = smallest.Reduction + 1;
        var side = (long)Math.Max(smallest.Directory.Width, smallest.Directory.Height);
        while (side > SmallestLevelSide && levels < 31)
        {
            side = (side + 1) / 2;
            levels++;
        }

        return levels;
    }

    /// <summary>The directories chained after the first, up to the first one that is not marked reduced (the next page).
    /// Reduced directories that cannot be read are skipped: a finer level serves their reductions.</summary>
    private static IEnumerable<TiffDirectory> Chain(TiffHandle tif)
    {
        for (var i = 0; i < MaxDirectories && NativeMethods.ReadDirectory(tif) != 0; i++)
        {
            var directory = TryRead(tif);
            if (directory is { IsReducedImage: false })
            {
                yield break;
            }

            if (directory is not null)
            {
                yield return directory;
            }
        }
    }

    private static IEnumerable<TiffDirectory> SubIfds(TiffHandle tif, IReadOnlyList<ulong> offsets)
    {
        foreach (var offset in offsets.Take(MaxDirectories))
        {
            if (NativeMethods.SetSubDirectory(tif, offset) != 0 && TryRead(tif) is { } directory)
            {
                yield return directory;
            }
        }
    }

    private static TiffDirectory? TryRead(TiffHandle tif)
    {
        try
        {
            return TiffDirectoryReader.Read(tif);
        }
        catch (SourceDecodeException)
        {
            return null;
        }
    }
}
