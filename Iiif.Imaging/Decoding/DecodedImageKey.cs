using Iiif.Core.Info;

namespace Iiif.Imaging.Decoding;

/// <summary>Which decoded image a cache entry holds: the source's location and version, so a replaced file is decoded
/// afresh (the old entry simply ages out).</summary>
/// <param name="Location">The source's local path, or its identifier when it has none.</param>
/// <param name="Version">The source version the pixels were decoded from.</param>
internal readonly record struct DecodedImageKey(string Location, SourceVersion Version);
