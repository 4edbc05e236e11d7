using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;

namespace Iiif.Imaging.Transforms;

/// <summary>Maps the configurable <see cref="ResizeResampler"/> to ImageSharp's resamplers.</summary>
internal static class Resamplers
{
    /// <summary>The ImageSharp resampler for <paramref name="resampler"/>.</summary>
    public static IResampler For(ResizeResampler resampler) => resampler switch
    {
        ResizeResampler.Bicubic => KnownResamplers.Bicubic,
        ResizeResampler.Lanczos3 => KnownResamplers.Lanczos3,
        ResizeResampler.Triangle => KnownResamplers.Triangle,
        ResizeResampler.Box => KnownResamplers.Box,
        ResizeResampler.MitchellNetravali => KnownResamplers.MitchellNetravali,
        ResizeResampler.NearestNeighbor => KnownResamplers.NearestNeighbor,
        _ => throw new ArgumentOutOfRangeException(nameof(resampler), resampler, "Unknown resampler."),
    };
}
