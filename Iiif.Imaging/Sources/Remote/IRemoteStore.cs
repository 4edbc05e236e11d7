using Iiif.Core.Info;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>One upstream protocol (HTTP, S3) for one rule: the version of an object, ranges of its bytes, and optionally
/// a listing. Failures are <see cref="SourceUnavailableException"/>s naming the rule.</summary>
internal interface IRemoteStore
{
    /// <summary>The rule's name.</summary>
    string Rule { get; }

    /// <summary>Where the object of these template values lives (a URL or bucket/key, without credentials).</summary>
    /// <exception cref="ArgumentException">The values cannot name an object (e.g. a dot segment).</exception>
    string Locate(IReadOnlyDictionary<string, string> values);

    /// <summary>The object's version and length, or null when the upstream has no such object.</summary>
    Task<SourceVersion?> StatAsync(string location, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="destination"/>.Length bytes from <paramref name="offset"/> of the object's
    /// <paramref name="version"/>; fewer only at its end.</summary>
    /// <exception cref="SourceUnavailableException">The upstream failed, sent less than promised, or holds another
    /// version now (<see cref="SourceFailure.Changed"/>).</exception>
    Task<int> ReadAsync(string location, SourceVersion version, long offset, Memory<byte> destination, CancellationToken cancellationToken);

    /// <summary>The template value <c>{path}</c> of every object the store can list, or null when it cannot list.</summary>
    IAsyncEnumerable<string>? ListPaths(CancellationToken cancellationToken);
}
