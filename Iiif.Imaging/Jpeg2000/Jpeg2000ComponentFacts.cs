namespace Iiif.Imaging.Jpeg2000;

/// <summary>One image component as the codestream's SIZ marker describes it.</summary>
/// <param name="Precision">Bits per sample (1..38 in the standard).</param>
/// <param name="IsSigned">True when samples are signed.</param>
/// <param name="Dx">Horizontal subsampling on the reference grid (1 = full resolution; 2 for 4:2:x chroma).</param>
/// <param name="Dy">Vertical subsampling on the reference grid (2 for 4:2:0 chroma).</param>
public readonly record struct Jpeg2000ComponentFacts(int Precision, bool IsSigned, int Dx, int Dy);
