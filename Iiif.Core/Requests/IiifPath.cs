using Iiif.Core.Identifiers;

namespace Iiif.Core.Requests;

/// <summary>A request path split into its IIIF parts by <see cref="IiifPathParser"/>. The identifier and the image
/// parameters are percent-decoded once; the parameters are otherwise unchecked (see <see cref="ImageRequestParser"/>).</summary>
/// <param name="Kind">Which URI form the path has.</param>
/// <param name="Identifier">The decoded, validated identifier.</param>
/// <param name="Region">The region segment for <see cref="IiifPathKind.Image"/>; otherwise null.</param>
/// <param name="Size">The size segment for <see cref="IiifPathKind.Image"/>; otherwise null.</param>
/// <param name="Rotation">The rotation segment for <see cref="IiifPathKind.Image"/>; otherwise null.</param>
/// <param name="QualityAndFormat">The last segment, e.g. <c>default.jpg</c>, for <see cref="IiifPathKind.Image"/>; otherwise null.</param>
public sealed record IiifPath(
    IiifPathKind Kind,
    ImageIdentifier Identifier,
    string? Region,
    string? Size,
    string? Rotation,
    string? QualityAndFormat);
