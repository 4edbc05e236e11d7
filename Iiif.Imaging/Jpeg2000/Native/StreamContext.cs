using System.Runtime.ExceptionServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>The managed side of a custom opj stream: the .NET stream, where the codec's byte 0 sits in it, the length
/// the codec may see, and what went wrong inside a callback (callbacks cannot throw into C, so faults wait here).</summary>
internal sealed class StreamContext
{
    public StreamContext(Stream stream, long length, CancellationToken cancellationToken)
    {
        Stream = stream;
        Origin = stream.Position;
        Length = length;
        CancellationToken = cancellationToken;
    }

    /// <summary>The wrapped stream.</summary>
    public Stream Stream { get; }

    /// <summary>The stream position the codec sees as offset 0.</summary>
    public long Origin { get; }

    /// <summary>Bytes from <see cref="Origin"/> to the end of the data (reading), or -1 when unknown (writing).</summary>
    public long Length { get; }

    /// <summary>Checked on every read and write, so a cancelled request stops at the next stream access.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The first exception a callback caught, rethrown by <see cref="ThrowIfFaulted"/>.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>The codec's current offset (relative to <see cref="Origin"/>).</summary>
    public long Position => Stream.Position - Origin;

    /// <summary>Records <paramref name="exception"/> unless an earlier fault is already recorded.</summary>
    public void Record(Exception exception) => Fault ??= exception;

    /// <summary>Throws OperationCanceledException if cancellation stopped the codec, else rethrows a recorded stream fault
    /// with its original stack trace (an I/O error stays an I/O error, not a decode error).</summary>
    public void ThrowIfFaulted()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Fault is not null)
        {
            ExceptionDispatchInfo.Capture(Fault).Throw();
        }
    }
}
