using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Imaging.Sources;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>Images that exist only as an identifier and a version: what the pipeline needs from a source, with no file
/// behind it. <see cref="Replace"/> gives an image a new version, as a file replaced on disk would.</summary>
internal sealed class FakeImageSource : IImageSource
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, SourceVersion> _versions = new(StringComparer.Ordinal);

    public void Add(string identifier) => _versions[identifier] = new SourceVersion(Start, 1000);

    public void Replace(string identifier) =>
        _versions.AddOrUpdate(identifier, _ => new SourceVersion(Start, 1000), (_, old) => old with { LastModified = old.LastModified.AddMinutes(1) });

    public ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ImageSourceHandle?>(
            _versions.TryGetValue(identifier.Value, out var version) ? new Handle(identifier, version) : null);

    public async IAsyncEnumerable<ImageIdentifier> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var identifier in _versions.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ImageIdentifierParser.FromDecoded(identifier).Value;
        }

        await Task.CompletedTask;
    }

    private sealed class Handle(ImageIdentifier identifier, SourceVersion version) : ImageSourceHandle(identifier, version)
    {
        public override ISourceReader OpenReader(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A fake source has no bytes; the fake renderer needs none.");
    }
}
