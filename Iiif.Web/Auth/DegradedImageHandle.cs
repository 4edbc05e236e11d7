using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Sources;

namespace Iiif.Web.Auth;

/// <summary>The degraded version of a restricted image as a source of its own: a small (and/or gray) rendition made
/// once from the original, which every request for the degraded identifier is planned and cut from. Its version is
/// the original's time and the rendition's length, so a new original or new degraded settings give new cache keys.</summary>
internal sealed class DegradedImageHandle(ImageIdentifier identifier, SourceVersion original, byte[] rendition)
    : ImageSourceHandle(identifier, new SourceVersion(original.LastModified, rendition.LongLength))
{
    public override string? LocalPath => null;

    public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new MemorySourceReader(rendition);

    /// <summary>The limits a request for <paramref name="handle"/> is planned under: a degraded version is never
    /// enlarged, so no output exceeds the rendition, which is within the policy's limits.</summary>
    public static ServerLimits LimitsFor(ImageSourceHandle handle, ServerLimits limits) =>
        handle is DegradedImageHandle ? limits with { AllowUpscaling = false, MaxUpscaleFactor = null } : limits;
}
