using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Decoding;

/// <summary>Creates blank images of the four working pixel types.</summary>
internal static class WorkingImages
{
    /// <summary>A new <paramref name="width"/> x <paramref name="height"/> image of <paramref name="type"/>.</summary>
    public static Image Create(WorkingPixelType type, int width, int height, Configuration configuration) => type switch
    {
        WorkingPixelType.L8 => new Image<L8>(configuration, width, height),
        WorkingPixelType.La16 => new Image<La16>(configuration, width, height),
        WorkingPixelType.Rgb24 => new Image<Rgb24>(configuration, width, height),
        _ => new Image<Rgba32>(configuration, width, height),
    };
}
