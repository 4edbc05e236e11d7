using Iiif.Core.Identifiers;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources;

/// <summary>A resolved source image: its identity and version, and how to read it.</summary>
public abstract class ImageSourceHandle
{
    /// <summary>Creates a handle.</summary>
    protected ImageSourceHandle(ImageIdentifier identifier, SourceVersion version)
    {
        Identifier = identifier;
        Version = version;
    }

    /// <summary>The identifier this handle was resolved from.</summary>
    public ImageIdentifier Identifier { get; }

    /// <summary>The version of the bytes behind the handle (modification time and length).</summary>
    public SourceVersion Version { get; }

    /// <summary>A local file path when the source is a file (decoders that read files themselves use it), else null.</summary>
    public abstract string? LocalPath { get; }

    /// <summary>Opens the source's bytes for reading. The caller disposes the stream.</summary>
    public abstract Stream OpenRead();
}
