using System.Text;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging;
using Iiif.Imaging.Sources;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>A renderer that does no image work: <see cref="Identify"/> returns <see cref="Info"/>, a render writes a
/// text naming the source version and the canonical request (so a test can tell renders apart by their bytes), and
/// both are counted. With <see cref="Gate"/> set, renders wait for it, which holds their render slots.</summary>
internal sealed class FakeRenderer : IImageRenderer
{
    private int _renders;
    private int _identifies;

    public ImageInfo Info { get; set; } = new(1000, 800, 4, null, IsGrayscale: false);

    public int Renders => Volatile.Read(ref _renders);

    public int Identifies => Volatile.Read(ref _identifies);

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed by the first render that starts.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _identifies);
        return Info;
    }

    public bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan) => false;

    public async Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renders);
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        await destination.WriteAsync(Encoding.UTF8.GetBytes(source.Version.Token + " " + CanonicalImageRequest.Format(plan)), cancellationToken);
    }
}
