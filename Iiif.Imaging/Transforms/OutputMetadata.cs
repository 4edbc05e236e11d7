using SixLabors.ImageSharp;

namespace Iiif.Imaging.Transforms;

/// <summary>Keeps only the metadata that still describes a derivative image.</summary>
internal static class OutputMetadata
{
    /// <summary>Drops EXIF, IPTC and XMP and keeps the ICC profile. EXIF must go: its orientation tag would make
    /// browsers turn an already-oriented output again, and its dimensions describe the source, not the derivative.
    /// IPTC and XMP are dropped too, so a derivative carries no stale or private descriptive data.</summary>
    public static void Clean(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }
}
