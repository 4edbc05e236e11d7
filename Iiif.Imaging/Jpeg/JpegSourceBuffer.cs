using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg;

/// <summary>A whole JPEG file in memory, as TurboJPEG wants it: a file is memory-mapped (its pages come from the page
/// cache on demand, so a header read touches only the header and nothing is copied); any other stream is read into
/// native memory.</summary>
internal sealed unsafe class JpegSourceBuffer : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;
    private readonly bool _ownsNativeMemory;
    private int _disposed;

    private JpegSourceBuffer(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* pointer, long length, bool ownsNativeMemory)
    {
        _map = map;
        _view = view;
        _pointer = pointer;
        Length = length;
        _ownsNativeMemory = ownsNativeMemory;
    }

    /// <summary>The first byte. Valid until <see cref="Dispose"/>.</summary>
    public byte* Pointer => _pointer;

    /// <summary>The number of bytes.</summary>
    public long Length { get; }

    /// <summary>The first bytes, at most <paramref name="count"/>, as a span (for the marker walk).</summary>
    public ReadOnlySpan<byte> Head(int count) => new(_pointer, (int)Math.Min(count, Length));

    /// <summary>Maps the file at <paramref name="path"/> read-only.</summary>
    /// <exception cref="InvalidDataException">The file is empty.</exception>
    public static JpegSourceBuffer Map(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var length = file.Length;
        if (length == 0)
        {
            throw new InvalidDataException("The file is empty.");
        }

        var map = MemoryMappedFile.CreateFromFile(file, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new JpegSourceBuffer(map, view, pointer + view.PointerOffset, length, ownsNativeMemory: false);
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end into native memory.</summary>
    /// <exception cref="InvalidDataException">The stream is empty.</exception>
    public static JpegSourceBuffer Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        nuint capacity = stream.CanSeek ? (nuint)Math.Max(stream.Length - stream.Position, 1) : 1 << 20;
        var buffer = (byte*)NativeMemory.Alloc(capacity);
        nuint length = 0;
        try
        {
            while (true)
            {
                if (length == capacity)
                {
                    capacity *= 2;
                    buffer = (byte*)NativeMemory.Realloc(buffer, capacity);
                }

                var read = stream.Read(new Span<byte>(buffer + length, (int)Math.Min(capacity - length, int.MaxValue)));
                if (read == 0)
                {
                    break;
                }

                length += (nuint)read;
            }

            return length > 0
                ? new JpegSourceBuffer(null, null, buffer, (long)length, ownsNativeMemory: true)
                : throw new InvalidDataException("The stream is empty.");
        }
        catch
        {
            NativeMemory.Free(buffer);
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_ownsNativeMemory)
        {
            NativeMemory.Free(_pointer);
        }

        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _map?.Dispose();
    }
}
