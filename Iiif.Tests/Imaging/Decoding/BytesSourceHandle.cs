using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Imaging.Sources;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>A source held in memory, with no local path: decoders must work from <see cref="ImageSourceHandle.OpenReader"/> alone.</summary>
internal sealed class BytesSourceHandle : ImageSourceHandle
{
    private readonly byte[] _bytes;

    public BytesSourceHandle(byte[] bytes, string identifier = "test", long ticks = 1)
        : base(new ImageIdentifier(identifier), new SourceVersion(new DateTimeOffset(ticks, TimeSpan.Zero), bytes.Length))
    {
        _bytes = bytes;
    }

    public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new MemorySourceReader(_bytes);
}
