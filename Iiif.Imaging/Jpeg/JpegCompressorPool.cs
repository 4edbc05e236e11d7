namespace Iiif.Imaging.Jpeg;

/// <summary>Idle compressors kept for reuse, their output buffers trimmed when they come back (see
/// <see cref="JpegCompressor.Trim"/>).</summary>
internal sealed class JpegCompressorPool() : IdlePool<JpegCompressor>(() => new JpegCompressor(), compressor => compressor.Trim());
