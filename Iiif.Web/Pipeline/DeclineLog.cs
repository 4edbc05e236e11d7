namespace Iiif.Web.Pipeline;

/// <summary>Warns about declined renders at most once per <see cref="Period"/>: under overload every shed request
/// would otherwise add a warning beside its request line, and a 64-connection walk filled hundreds of megabytes of log
/// with the same sentence. The first decline is logged at once; later ones are counted into the next warning.</summary>
internal sealed class DeclineLog(TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _suppressed;
    private DateTimeOffset _nextWarning = DateTimeOffset.MinValue;

    /// <summary>Notes one declined render of <paramref name="img"/>; logs it, with the declines held back since the
    /// last warning, unless a warning went out less than <see cref="Period"/> ago.</summary>
    public void Declined(ILogger logger, string img)
    {
        long heldBack;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _nextWarning)
            {
                _suppressed++;
                return;
            }

            heldBack = _suppressed;
            _suppressed = 0;
            _nextWarning = now + Period;
        }

        Log.RenderRejected(logger, img, heldBack);
    }
}
