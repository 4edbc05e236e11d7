using Iiif.Core.Identifiers;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources;

/// <summary>A source file found by <see cref="FileSystemImageSource"/>: its resolved path (no links left in it) and the
/// version it had when it was found.</summary>
internal sealed class FileSystemImageSourceHandle : ImageSourceHandle
{
    private readonly string _path;

    public FileSystemImageSourceHandle(ImageIdentifier identifier, FileInfo file)
        : base(identifier, new SourceVersion(new DateTimeOffset(file.LastWriteTimeUtc), file.Length))
    {
        _path = file.FullName;
    }

    /// <inheritdoc/>
    public override string? LocalPath => _path;

    /// <inheritdoc/>
    /// <remarks>FileShare.Delete lets the file be replaced or removed while a request still reads the old bytes (an
    /// atomic rename over it never fails because of us). No access-pattern hint: ImageSharp reads front to back while the
    /// JPEG 2000 decoder jumps between tiles, and on Linux RandomAccess switches read-ahead off while SequentialScan
    /// over-reads on every jump, so the kernel's adaptive default suits both. Not Asynchronous: decoders read
    /// synchronously. A file deleted since it was resolved throws <see cref="FileNotFoundException"/>.</remarks>
    public override Stream OpenRead() =>
        new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.None);
}
