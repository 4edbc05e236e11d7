using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Memory;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Transforms;
using SixLabors.ImageSharp;

namespace Iiif.Imaging;

/// <summary>The render pipeline: select the decoder by magic bytes, let it answer with stored bytes when the plan is
/// exactly a stored tile (<see cref="IStoredTileSource"/>), else decode the region at the reduction, finish with
/// <see cref="PlanApplier"/> and encode with the <see cref="IEncoderCatalog"/>. Every intermediate image is disposed on
/// every path, failures included. A failed decode is remembered for a while (<see cref="DecodeFailureMemory"/>) and
/// repeated without decoding again.</summary>
internal sealed class ImageRenderer : IImageRenderer
{
    private readonly DecoderSelector _selector;
    private readonly PlanApplier _applier;
    private readonly IEncoderCatalog _catalog;
    private readonly RenderActivity _activity;
    private readonly DecodeFailureMemory _failures;

    private readonly RemoteReadPreparer? _remote;

    public ImageRenderer(
        DecoderSelector selector, PlanApplier applier, IEncoderCatalog catalog, RenderActivity activity, TimeProvider? time = null,
        RemoteReadPreparer? remote = null)
    {
        _remote = remote;
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(activity);
        _selector = selector;
        _applier = applier;
        _catalog = catalog;
        _activity = activity;
        _failures = new DecodeFailureMemory(time ?? TimeProvider.System);
    }

    /// <inheritdoc/>
    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        return _selector.Select(source).Identify(source, cancellationToken);
    }

    /// <inheritdoc/>
    public bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            return _selector.Select(source) is IStoredTileSource stored && stored.HasStoredTile(source, plan, CancellationToken.None);
        }
        catch (SourceDecodeException)
        {
            // The render reports the failure; here it only means "not stored bytes".
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        if (!_catalog.IsAvailable(plan.Format))
        {
            throw new NotSupportedException($"The format {plan.Format} cannot be encoded on this server.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_failures.Recall(source, plan) is { } remembered)
        {
            throw remembered;
        }

        using var running = _activity.Begin();
        var decoder = _selector.Select(source);
        if (decoder is IStoredTileSource stored
            && Remembering(source, plan, () => stored.TryReadStoredTile(source, plan, cancellationToken)) is { } bytes)
        {
            // Exactly one stored tile: its bytes are the answer, with no decode or encode.
            await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var output = Transform(Remembering(source, plan, () => decoder.Decode(source, plan, cancellationToken)), plan);
        cancellationToken.ThrowIfCancellationRequested();
        await _catalog.EncodeAsync(output, plan.Format, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task PrepareAsync(ImageSourceHandle source, RenderPlan? plan, CancellationToken cancellationToken) =>
        _remote?.PrepareAsync(source, plan, cancellationToken) ?? Task.CompletedTask;

    private T Remembering<T>(ImageSourceHandle source, RenderPlan plan, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (SourceDecodeException e)
        {
            _failures.Remember(source, plan, e);
            throw;
        }
    }

    // The applier owns the decoded image from here: it disposes it when it returns another one or when it fails.
    private Image Transform(Image decoded, RenderPlan plan) => _applier.Apply(decoded, plan);
}
