using Iiif.Core.Identifiers;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources;

/// <summary>A source file found by <see cref="FileSystemImageSource"/>: its resolved path (no links left in it) and the
/// version it had when it was found. Reads are positional reads of the file (<see cref="FileSourceReader"/>).</summary>
internal sealed class FileSystemImageSourceHandle : ImageSourceHandle
{
    private readonly string _path;

    public FileSystemImageSourceHandle(ImageIdentifier identifier, FileInfo file)
        : base(identifier, new SourceVersion(new DateTimeOffset(file.LastWriteTimeUtc), file.Length), "file:" + file.FullName)
    {
        _path = file.FullName;
    }

    /// <inheritdoc/>
    public override string? LocalPath => _path;

    /// <inheritdoc/>
    /// <remarks>A file deleted since it was resolved throws <see cref="FileNotFoundException"/>.</remarks>
    public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new FileSourceReader(_path, cancellationToken);

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var file = FileSourceReader.Open(_path);
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(file, buffer[total..], offset + total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
