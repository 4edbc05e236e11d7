using System.Runtime.InteropServices;

namespace Iiif.Tests.TestUtilities;

/// <summary>Bytes the C heap (glibc malloc) has handed out and not yet had back: the measure that shows a native leak
/// that the working set hides (untouched pages of a leaked buffer are never resident).</summary>
internal static class NativeHeap
{
    /// <summary>Bytes in use, or null when the C library has no mallinfo2 (not glibc 2.33+).</summary>
    public static long? InUse()
    {
        try
        {
            var info = MallInfo2();
            return (long)(info.InUseSmall + info.MappedBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallInfo2();

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
