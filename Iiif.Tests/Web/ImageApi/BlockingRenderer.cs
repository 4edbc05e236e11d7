using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A renderer whose renders wait until <see cref="Release"/>, so a test can hold every render slot.</summary>
internal sealed class BlockingRenderer : IImageRenderer
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken) =>
        Jpeg2000Reader.ReadFacts(source.LocalPath!, cancellationToken).ToImageInfo();

    public bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan) => false;

    public async Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
        await destination.WriteAsync(new byte[] { 1, 2, 3 }, cancellationToken);
    }

    public void Release() => _release.TrySetResult();
}
