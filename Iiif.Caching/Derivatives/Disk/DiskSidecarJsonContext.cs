using System.Text.Json.Serialization;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>Source-generated JSON for sidecars: no reflection at run time, the same shape every time.</summary>
[JsonSerializable(typeof(DiskSidecar))]
internal sealed partial class DiskSidecarJsonContext : JsonSerializerContext;
