using Iiif.Imaging.Jpeg.Native;

namespace Iiif.Imaging.Jpeg;

/// <summary>One TurboJPEG compressor and its output buffer, reused across encodes (see <see cref="JpegCompressorPool"/>).
/// Not thread-safe: one encode at a time.</summary>
/// <remarks>The buffer is sized with <c>tjBufSize</c> (the worst case for the image) and passed with
/// <c>TJFLAG_NOREALLOC</c>, so the library never reallocates behind our back and the buffer's owner is always clear.</remarks>
internal sealed unsafe class JpegCompressor : IDisposable
{
    /// <summary>Buffers larger than this (a 1024 px colour tile needs about 3 MB at 4:2:0) are freed after the encode
    /// instead of staying with the pooled compressor.</summary>
    private const long MaxRetainedBytes = 4L * 1024 * 1024;

    private readonly TjHandle _handle = TjHandle.CreateCompressor();
    private byte* _buffer;
    private nuint _capacity;

    /// <summary>Compresses <paramref name="height"/> rows of <paramref name="width"/> pixels starting at
    /// <paramref name="pixels"/>, <paramref name="pitch"/> bytes apart. The result lives in this compressor's buffer and
    /// is valid until its next call.</summary>
    /// <exception cref="JpegEncodeException">The library refused (it says why).</exception>
    public ReadOnlySpan<byte> Compress(byte* pixels, int width, int pitch, int height, TjPixelFormat format,
        TjSubsampling subsampling, int quality, TjFlags flags)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var needed = NativeMethods.BufferSize(width, height, (int)subsampling);
        if (needed == nuint.MaxValue || needed > int.MaxValue)
        {
            throw new JpegEncodeException($"A {width}x{height} image is too large to encode as JPEG.");
        }

        Reserve(needed);
        var output = _buffer;
        var size = _capacity;
        if (NativeMethods.Compress(_handle, pixels, width, pitch, height, (int)format, &output, &size,
                (int)subsampling, quality, (int)(flags | TjFlags.NoRealloc)) != 0)
        {
            throw new JpegEncodeException($"TurboJPEG could not encode a {width}x{height} image: {_handle.LastError}");
        }

        return new ReadOnlySpan<byte>(output, checked((int)size));
    }

    /// <summary>Frees an unusually large buffer, so an idle pooled compressor holds little memory.</summary>
    public void Trim()
    {
        if (_capacity > MaxRetainedBytes)
        {
            ReleaseBuffer();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ReleaseBuffer();
        _handle.Dispose();
    }

    private void Reserve(nuint bytes)
    {
        if (_capacity >= bytes)
        {
            return;
        }

        ReleaseBuffer();
        _buffer = NativeMethods.Alloc(checked((int)bytes));
        if (_buffer == null)
        {
            throw new JpegEncodeException($"TurboJPEG could not allocate a {bytes}-byte output buffer.");
        }

        _capacity = bytes;
    }

    private void ReleaseBuffer()
    {
        if (_buffer != null)
        {
            NativeMethods.Free(_buffer);
            _buffer = null;
            _capacity = 0;
        }
    }
}
