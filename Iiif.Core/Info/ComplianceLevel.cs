namespace Iiif.Core.Info;

/// <summary>What a client may assume from a compliance level document without extra declarations (https://iiif.io/api/image/3.0/compliance/).</summary>
/// <param name="Formats">Format extensions the level includes.</param>
/// <param name="Qualities">Quality tokens the level includes.</param>
/// <param name="Features">Feature names the level includes.</param>
internal sealed record ComplianceLevel(IReadOnlyList<string> Formats, IReadOnlyList<string> Qualities, IReadOnlyList<string> Features);
