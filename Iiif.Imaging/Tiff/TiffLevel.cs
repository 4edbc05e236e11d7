namespace Iiif.Imaging.Tiff;

/// <summary>A stored resolution level: a directory whose size is the full image's halved <paramref name="Reduction"/>
/// times (rounded either way, as writers differ: vips rounds down, others up).</summary>
/// <param name="Reduction">r: the level stands for scale 2^-r.</param>
/// <param name="Directory">The directory holding the level's pixels.</param>
internal sealed record TiffLevel(int Reduction, TiffDirectory Directory);
