using Iiif.Caching.Internal;

namespace Iiif.Caching.Derivatives;

/// <summary>The hashed names of one derivative: <see cref="Group"/> (SHA-256 of the identifier: its folder) and
/// <see cref="Entry"/> (SHA-256 of request and source version: its file name). <see cref="Id"/> names it in every tier.</summary>
internal readonly record struct DerivativeId(string Group, string Entry)
{
    public string Id => $"{Group}/{Entry}";

    public static DerivativeId For(DerivativeKey key) =>
        new(GroupOf(key.Identifier), Hashing.Sha256Hex(key.Request + "\n" + key.Source.Token));

    public static string GroupOf(string identifier) => Hashing.Sha256Hex(identifier);
}
