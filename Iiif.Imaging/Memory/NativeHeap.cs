using System.Runtime.InteropServices;

namespace Iiif.Imaging.Memory;

/// <summary>The C heap (glibc malloc), which holds OpenJPEG's buffers and ImageSharp's unmanaged pixel memory: how much
/// of it is in use and how much it keeps free, and a way to hand the free part back to the system. Elsewhere than glibc
/// 2.33+ (mallinfo2) the figures are null and trimming does nothing.</summary>
public static partial class NativeHeap
{
    /// <summary>Bytes handed out and not yet freed (the measure that shows a native leak the working set hides, since
    /// untouched pages of a leaked buffer are never resident), or null without mallinfo2.</summary>
    public static long? InUse() => Read() is { } info ? (long)(info.InUseSmall + info.MappedBytes) : null;

    /// <summary>Bytes freed but still held by the heap's arenas (what <see cref="Trim"/> can give back), or null.</summary>
    public static long? Free() => Read() is { } info ? (long)info.FreeBytes : null;

    /// <summary>Returns the free memory at the top and in the middle of every arena to the system (malloc_trim: whole free
    /// pages are released with madvise). Costs a walk over the arenas, so call it when idle or under pressure, not per
    /// request. Returns false when the C library has no malloc_trim.</summary>
    public static bool Trim()
    {
        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Has every block of at least <paramref name="thresholdBytes"/> mapped on its own and unmapped when freed
    /// (mallopt M_MMAP_THRESHOLD), instead of glibc's default of raising that threshold to 32 MB as large blocks are
    /// freed. Decode and pixel buffers of a few megabytes then go back to the system as soon as a render ends instead of
    /// staying in the heap's arenas, where they fragment and keep the process's resident size at its high-water mark.
    /// Returns false when the C library has no mallopt.</summary>
    public static bool MapLargeBlocks(int thresholdBytes)
    {
        try
        {
            return MallOpt(MmapThreshold, thresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static MallocInfo? Read()
    {
        try
        {
            return MallInfo2();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallocInfo MallInfo2();

    /// <summary>M_MMAP_THRESHOLD of malloc.h.</summary>
    private const int MmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [StructLayout(LayoutKind.Sequential)]
    private struct MallocInfo
    {
        public nuint Arena;
        public nuint OrdinaryBlocks;
        public nuint SmallBlocks;
        public nuint MappedRegions;
        public nuint MappedBytes;
        public nuint UsmBlocks;
        public nuint FreedSmall;
        public nuint InUseSmall;
        public nuint FreeBytes;
        public nuint KeepCost;
    }
}
