namespace Iiif.Tests.TestUtilities;

/// <summary>A seekable read-only stream over bytes that runs <see cref="OnRead"/> before each read, so tests can
/// throw or cancel at the n-th read the codec makes.</summary>
internal sealed class FaultyStream(byte[] data, Action<int> onRead) : Stream
{
    private readonly MemoryStream _inner = new(data, writable: false);
    private int _reads;

    public Action<int> OnRead { get; } = onRead;

    /// <summary>How many times Read was called.</summary>
    public int Reads => _reads;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        OnRead(++_reads);
        return _inner.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
