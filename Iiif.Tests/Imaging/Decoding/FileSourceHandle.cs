using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Imaging.Sources;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>A source read from a local file by path, as the file system source hands them out.</summary>
internal sealed class FileSourceHandle : ImageSourceHandle
{
    private readonly string _path;

    public FileSourceHandle(string path, long ticks = 1)
        : base(new ImageIdentifier(Path.GetFileName(path)), new SourceVersion(new DateTimeOffset(ticks, TimeSpan.Zero), new FileInfo(path).Length))
    {
        _path = path;
    }

    public override string? LocalPath => _path;

    public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new FileSourceReader(_path, cancellationToken);
}
