using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;

namespace Iiif.Imaging.Tiff;

/// <summary>Reads a TIFF's first image whole, at full resolution, for the converter: through the same libtiff layer as
/// the server, every layout it reads, with 16-bit samples kept (L16, La32, Rgb48, Rgba64) and the ICC profile in the
/// image's metadata. The channel count is the source's: grey stays grey, RGB stays RGB without an invented alpha.</summary>
public static class TiffImageReader
{
    /// <summary>Reads the TIFF at <paramref name="path"/>; the caller disposes the image.</summary>
    /// <exception cref="SourceDecodeException">The file is not a readable TIFF, or its layout is unsupported.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Image Read(string path, Configuration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new PathSource(path);
        TiffFacts facts;
        using (var bytes = new TiffByteSource(source.OpenRead(cancellationToken)))
        {
            facts = TiffStructureReader.Read(bytes, cancellationToken);
        }

        using var session = new TiffReadSession(source, path, cache: null, configuration, deep: true);
        var image = TiffRegionReader.Read(facts, new PixelRect(0, 0, facts.Width, facts.Height), 0, new PixelSize(facts.Width, facts.Height),
            session, deep: true, configuration, cancellationToken);
        AttachProfile(image, facts);
        return image;
    }

    /// <summary>One line about a TIFF's first image and its pyramid, e.g. <c>10000x7500 RGB, JPEG, 7 levels down to
    /// 157x118, 256x256 tiles</c>.</summary>
    /// <exception cref="SourceDecodeException">The file is not a readable TIFF.</exception>
    public static string Describe(string path)
    {
        using var bytes = new TiffByteSource(new PathSource(path).OpenRead());
        var facts = TiffStructureReader.Read(bytes, CancellationToken.None);
        var main = facts.Main;
        var smallest = facts.Levels[^1].Directory;
        var channels = main.Layout.ColorChannels == 1 ? "grey" : "RGB";
        var alpha = main.Layout.HasAlpha ? "+alpha" : string.Empty;
        var blocks = main.IsTiled ? $"{main.BlockWidth}x{main.BlockHeight} tiles" : $"strips of {main.BlockHeight} rows";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{facts.Width}x{facts.Height} {channels}{alpha} {main.Layout.BitsPerSample}-bit, {Native.TiffCodes.CompressionName(main.Compression)}, {facts.Levels.Count} level(s) down to {smallest.Width}x{smallest.Height}, {blocks}{(facts.IsBigTiff ? ", BigTIFF" : string.Empty)}");
    }

    /// <summary>Puts the TIFF's ICC profile, if any, into <paramref name="image"/>'s metadata, where the encoders find it.</summary>
    internal static void AttachProfile(Image image, TiffFacts facts)
    {
        if (!facts.IccProfile.IsEmpty)
        {
            image.Metadata.IccProfile = new IccProfile(facts.IccProfile.ToArray());
        }
    }

    /// <summary>A local file as a source, for the converter.</summary>
    private sealed class PathSource(string path)
        : ImageSourceHandle(new Core.Identifiers.ImageIdentifier(Path.GetFileName(path)), default)
    {
        public override string? LocalPath => path;

        public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new FileSourceReader(path, cancellationToken);
    }
}
