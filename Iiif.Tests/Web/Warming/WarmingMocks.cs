using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Web.Pipeline;
using Moq;

namespace Iiif.Tests.Web.Warming;

/// <summary>Moq doubles of the pipeline and caches warming and the admin endpoints use, until the real ones are merged
/// (and for asserting which purge ran).</summary>
internal sealed class WarmingMocks
{
    public const string KnownIdentifier = "known";

    public static readonly ImageInfo Info = new(1000, 800, 3, null, IsGrayscale: false);

    public WarmingMocks()
    {
        Pipeline.Setup(p => p.GetInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) =>
                id == KnownIdentifier || id.Contains('/', StringComparison.Ordinal)
                    ? Result<ImageInfo>.Ok(Info)
                    : Result<ImageInfo>.Fail(IiifError.NotFound("No image has this identifier.")));
        Pipeline.Setup(p => p.GetImageAsync(It.IsAny<ApiVersion>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(),
                It.IsAny<DerivativeCacheMode>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ApiVersion _, string _, string tail, bool profile, DerivativeCacheMode _, CancellationToken _) =>
                Result<CachedDerivative>.Ok(Derivative(tail, profile)));
        Derivatives.Setup(d => d.PurgeAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(7);
        Derivatives.Setup(d => d.PurgeAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync(42);
        Derivatives.Setup(d => d.GetStatistics()).Returns([new("derivatives", "memory", 3, 3000, 6, 2)]);
        Infos.Setup(i => i.GetStatistics()).Returns([new("info", "memory", 2, null, 0, 0)]);
        Cleaner.Setup(c => c.CleanAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new CleanReport(10, 4, 4096, 2));
    }

    public Mock<IImagePipeline> Pipeline { get; } = new();

    public Mock<IDerivativeCache> Derivatives { get; } = new();

    public Mock<IInfoCache> Infos { get; } = new();

    public Mock<IDerivativeCleaner> Cleaner { get; } = new();

    /// <summary>A derivative whose bytes are the tail itself, so an export test can tell the files apart.</summary>
    public static CachedDerivative Derivative(string tail, bool profile) =>
        CachedDerivative.FromBytes(new DerivativeMetadata("image/jpeg", "\"e\"", profile), CacheTier.Rendered, System.Text.Encoding.UTF8.GetBytes(tail));
}
