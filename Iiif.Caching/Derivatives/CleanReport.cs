namespace Iiif.Caching.Derivatives;

/// <summary>What one cleaning pass did.</summary>
/// <param name="Examined">Entries looked at.</param>
/// <param name="Deleted">Entries deleted.</param>
/// <param name="BytesFreed">Bytes of the deleted entries.</param>
/// <param name="FoldersRemoved">Empty folders removed.</param>
public sealed record CleanReport(int Examined, int Deleted, long BytesFreed, int FoldersRemoved);
