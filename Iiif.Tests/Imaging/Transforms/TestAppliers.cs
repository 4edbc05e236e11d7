using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Imaging.Transforms;

/// <summary>Plan appliers over the shared test configuration.</summary>
internal static class TestAppliers
{
    public static PlanApplier Create(ResizeResampler resampler = ResizeResampler.Bicubic, double bitonalThreshold = 0.5) =>
        new(PatternImages.TestConfiguration,
            Options.Create(new TransformOptions { Resampler = resampler, BitonalThreshold = bitonalThreshold }));
}
