namespace Iiif.Imaging.Jpeg;

/// <summary>The pixel density of a JFIF APP0 segment.</summary>
/// <param name="Units">0 = aspect ratio only, 1 = dots per inch, 2 = dots per centimetre.</param>
/// <param name="X">Horizontal density.</param>
/// <param name="Y">Vertical density.</param>
internal readonly record struct JfifDensity(byte Units, ushort X, ushort Y);
