using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Web.Cli;

/// <summary>Reads a TIFF (through libtiff: strips, tiles, pyramids; the first image at full resolution), JPEG or PNG (with
/// ImageSharp) into a pixel type the encoders take, keeping the source's channels (grey stays grey, RGB gets no alpha),
/// 16-bit samples at 16 bits and the ICC profile in the image's metadata.</summary>
internal static class SourceImageLoader
{
    /// <summary>The file extensions folder mode converts.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".tif", ".tiff", ".jpg", ".jpeg", ".png"];

    /// <summary>Loads <paramref name="path"/>; the caller disposes the image.</summary>
    /// <exception cref="CliException">The file is missing, unreadable, not TIFF/JPEG/PNG, or damaged.</exception>
    public static Image Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"'{path}' is a folder; give a folder as output too to convert every image in it");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"input file not found: '{path}'");
        }

        try
        {
            // The natural pixel type keeps 16-bit sources at 16 bits; Normalize maps the rest onto encoder types.
            return CheckFormat(path) == SourceFormat.Tiff
                ? TiffImageReader.Read(path, SixLabors.ImageSharp.Configuration.Default)
                : Normalize(Image.Load(path));
        }
        catch (SourceDecodeException e)
        {
            throw new CliException($"cannot decode '{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidOperationException
            or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
        {
            throw new CliException($"cannot decode '{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{path}': {e.Message}", e);
        }
    }

    private static SourceFormat CheckFormat(string path)
    {
        Span<byte> header = stackalloc byte[SourceFormatSniffer.HeaderLength];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var format = SourceFormatSniffer.Detect(header[..length]);
        if (format is not (SourceFormat.Tiff or SourceFormat.Jpeg or SourceFormat.Png))
        {
            throw new CliException($"unsupported format ({format}) in '{path}': expected TIFF, JPEG or PNG");
        }

        return format;
    }

    /// <summary>Returns <paramref name="image"/> itself when the encoder takes its type, else a converted copy (disposing
    /// the original): deep sources become 16-bit, the rest 8-bit; alpha is kept when the type has it.</summary>
    private static Image Normalize(Image image)
    {
        if (image is Image<L8> or Image<La16> or Image<Rgb24> or Image<Rgba32>
            or Image<L16> or Image<La32> or Image<Rgb48> or Image<Rgba64>)
        {
            return image;
        }

        using (image)
        {
            var alpha = image.PixelType.AlphaRepresentation is { } a && a != PixelAlphaRepresentation.None;
            var deep = image.PixelType.BitsPerPixel > (alpha ? 32 : 24);
            return (deep, alpha) switch
            {
                (true, true) => image.CloneAs<Rgba64>(),
                (true, false) => image.CloneAs<Rgb48>(),
                (false, true) => image.CloneAs<Rgba32>(),
                _ => image.CloneAs<Rgb24>(),
            };
        }
    }
}
