namespace Iiif.Imaging.Sources;

/// <summary>The one adapter between a source and everything that reads a <see cref="Stream"/>: OpenJPEG's stream
/// callbacks, libtiff's client procedures, ImageSharp and TurboJPEG. Read-only and seekable; each read is one positional
/// read of the <see cref="ISourceReader"/>, shaped by an optional <see cref="IReadPlan"/>.</summary>
internal sealed class SourceReadStream : Stream
{
    private readonly ISourceReader _reader;
    private readonly IReadPlan? _plan;
    private long _position;

    public SourceReadStream(ISourceReader reader, IReadPlan? plan)
    {
        _reader = reader;
        _plan = plan;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _reader.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>One read: may return fewer bytes than asked when the plan says so (callers of
    /// <see cref="Stream.Read(Span{byte})"/> must loop, and OpenJPEG and libtiff do).</summary>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        var wanted = buffer;
        if (_plan is not null)
        {
            var answered = _plan.TryAnswer(_position, buffer);
            if (answered > 0)
            {
                _position += answered;
                return answered;
            }

            wanted = buffer[..Math.Clamp(_plan.Limit(_position, buffer.Length), 1, buffer.Length)];
        }

        var read = _reader.Read(_position, wanted);
        _position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
