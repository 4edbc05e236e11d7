using Iiif.Imaging.Sources;

namespace Iiif.Imaging.Decoding;

/// <summary>Opens a source for decoders that jump around in it (OpenJPEG between tiles, libtiff between directories).</summary>
internal static class SeekableSource
{
    /// <summary>The source's stream, or, when it cannot seek, a copy of it in memory. The caller disposes it.</summary>
    public static Stream Open(ImageSourceHandle source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stream = source.OpenRead();
        if (stream.CanSeek)
        {
            return stream;
        }

        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }
    }
}
