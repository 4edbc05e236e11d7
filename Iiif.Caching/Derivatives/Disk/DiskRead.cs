namespace Iiif.Caching.Derivatives.Disk;

/// <summary>A verified disk entry: its bytes when small enough to hold (hash checked), else an open file (length checked).</summary>
internal sealed record DiskRead(DiskSidecar Sidecar, byte[]? Bytes, FileStream? File);
