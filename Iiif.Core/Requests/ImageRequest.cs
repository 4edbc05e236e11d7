using Iiif.Core.Identifiers;

namespace Iiif.Core.Requests;

/// <summary>An image request after parsing: syntax only; it knows nothing of the image it names.</summary>
public sealed record ImageRequest(
    ApiVersion Version,
    ImageIdentifier Identifier,
    RegionParameter Region,
    SizeParameter Size,
    RotationParameter Rotation,
    ImageQuality Quality,
    ImageFormat Format);
