namespace Iiif.Imaging.Sources;

/// <summary>What a codec knows about the layout of the file it reads, used to shape its reads: how far one read may go
/// from a position (so a buffered codec does not pull in bytes it will skip), and bytes it can answer without touching
/// the source (e.g. JPEG 2000 tile-part headers rebuilt from the TLM marker).</summary>
internal interface IReadPlan
{
    /// <summary>How many of <paramref name="requested"/> bytes one read at <paramref name="position"/> should return
    /// (at least 1).</summary>
    int Limit(long position, int requested);

    /// <summary>Fills the start of <paramref name="destination"/> with known bytes at <paramref name="position"/> and
    /// returns how many; 0 when the source must be read.</summary>
    int TryAnswer(long position, Span<byte> destination);
}
