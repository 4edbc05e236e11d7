namespace Iiif.Imaging.Decoding;

/// <summary>One full-width band of a JPEG decoded at some scale: rows [<paramref name="Top"/>, Top + <paramref name="Rows"/>).</summary>
/// <param name="Index">The band's number from the top (its key in the decoded-image cache).</param>
/// <param name="Top">The first row, in the scaled image.</param>
/// <param name="Rows">The number of rows (fewer in the last band).</param>
internal readonly record struct JpegBand(int Index, int Top, int Rows);
