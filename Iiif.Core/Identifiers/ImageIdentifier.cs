namespace Iiif.Core.Identifiers;

/// <summary>An image identifier, already percent-decoded exactly once (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding). Create it with
/// <c>ImageIdentifierParser</c>, which refuses identifiers that could escape a folder.</summary>
/// <param name="Value">The decoded identifier, e.g. <c>ark:/12025/654xz321</c>.</param>
public readonly record struct ImageIdentifier(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
