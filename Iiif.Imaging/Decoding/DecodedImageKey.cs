using Iiif.Core.Info;

namespace Iiif.Imaging.Decoding;

/// <summary>Which decoded image a cache entry holds: the source's location and version, so a replaced file is decoded
/// afresh (the old entry simply ages out), and for JPEG 2000 blocks the tile and reduction.</summary>
/// <param name="Location">The source's local path, or its identifier when it has none.</param>
/// <param name="Version">The source version the pixels were decoded from.</param>
/// <param name="Block">Which part of the source: -1 for the whole image, else a JPEG 2000 tile index.</param>
/// <param name="Reduction">The resolution reduction the pixels were decoded at (0 = full resolution).</param>
internal readonly record struct DecodedImageKey(string Location, SourceVersion Version, int Block = -1, int Reduction = 0);
