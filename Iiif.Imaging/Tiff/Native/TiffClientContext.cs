using System.Runtime.ExceptionServices;
using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>The managed side of one libtiff handle: where its bytes come from (null for a handle libtiff opened on a
/// file itself), the position the seek callback keeps, the messages the error and warning handlers collect, and the
/// first fault a callback caught (callbacks cannot throw into C, so faults wait here).</summary>
internal sealed class TiffClientContext
{
    public TiffClientContext(TiffByteSource? source, CancellationToken cancellationToken)
    {
        Source = source;
        CancellationToken = cancellationToken;
    }

    /// <summary>The bytes libtiff reads through the client callbacks.</summary>
    public TiffByteSource? Source { get; }

    /// <summary>libtiff's current offset in <see cref="Source"/>.</summary>
    public long Position { get; set; }

    /// <summary>Checked on every read, so a cancelled request stops at libtiff's next read.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Errors and warnings libtiff reported on this handle (never printed anywhere).</summary>
    public CodecMessages Messages { get; } = new();

    /// <summary>The first exception a callback caught.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Records <paramref name="exception"/> unless an earlier fault is already recorded.</summary>
    public void Record(Exception exception) => Fault ??= exception;

    /// <summary>The exception a failed libtiff call turns into: cancellation first, then a stream fault rethrown as itself
    /// (an I/O error stays an I/O error), else an <see cref="ImageDecodeException"/> carrying libtiff's messages.</summary>
    public Exception Failure(string step)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Fault is not null)
        {
            ExceptionDispatchInfo.Capture(Fault).Throw();
        }

        var reason = Messages.FirstError ?? "libtiff reported no reason";
        return new ImageDecodeException($"The TIFF could not be read ({step}): {reason}", Messages.Snapshot());
    }
}
