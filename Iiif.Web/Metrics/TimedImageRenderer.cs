using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Sources;

namespace Iiif.Web.Metrics;

/// <summary>Times every finished render into <see cref="IiifMetrics.ObserveRender"/>. A decorator rather than calls in
/// the pipeline: whatever renders (a request, cache warming, a cache miss behind the derivative cache) is counted once,
/// and a cache hit, which never reaches the renderer, is not counted at all.</summary>
internal sealed class TimedImageRenderer(IImageRenderer inner, IiifMetrics metrics, TimeProvider time) : IImageRenderer
{
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken) =>
        inner.Identify(source, cancellationToken);

    public Task PrepareAsync(ImageSourceHandle source, RenderPlan? plan, CancellationToken cancellationToken) =>
        inner.PrepareAsync(source, plan, cancellationToken);

    public bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan) => inner.ServesStoredBytes(source, plan);

    public async Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var started = time.GetTimestamp();
        await inner.RenderAsync(source, plan, destination, cancellationToken).ConfigureAwait(false);
        // Failed and cancelled renders are left out: their time says nothing about how long an image takes.
        metrics.ObserveRender(ImageFormats.Extension(plan.Format), plan.Reduction.Level, time.GetElapsedTime(started));
    }
}
