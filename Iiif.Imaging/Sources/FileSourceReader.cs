using Microsoft.Win32.SafeHandles;

namespace Iiif.Imaging.Sources;

/// <summary>Positional reads (pread) of one open file. FileShare.Delete lets the file be replaced or removed while a
/// request still reads the old bytes (an atomic rename over it never fails because of us).</summary>
public sealed class FileSourceReader : ISourceReader
{
    private readonly SafeFileHandle _file;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Opens <paramref name="path"/>; reads check <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="FileNotFoundException">The file was deleted since it was resolved.</exception>
    public FileSourceReader(string path, CancellationToken cancellationToken)
    {
        // No access-pattern hint: ImageSharp reads front to back while the JPEG 2000 decoder jumps between tiles, and on
        // Linux RandomAccess switches read-ahead off while SequentialScan over-reads on every jump, so the kernel's
        // adaptive default suits both.
        _file = Open(path);
        _cancellationToken = cancellationToken;
        Length = RandomAccess.GetLength(_file);
    }

    /// <inheritdoc/>
    public long Length { get; }

    /// <inheritdoc/>
    public int Read(long offset, Span<byte> destination)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return ReadFully(_file, offset, destination);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    /// <summary>Opens <paramref name="path"/> for shared reading.</summary>
    public static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.None);

    /// <summary>Reads until <paramref name="destination"/> is full or the file ends.</summary>
    public static int ReadFully(SafeFileHandle file, long offset, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(file, destination[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
