using System.Runtime.InteropServices;

namespace Iiif.Imaging.Tiff.Native;

/// <summary>A block of C heap memory for libtiff to decode into, freed on dispose. Not pooled on purpose: a damaged or
/// unusual file may ask for a tile of hundreds of megabytes, and a shared array pool would keep such a buffer for the
/// life of the process; malloc gives large blocks back to the system when they are freed.</summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private void* _data;

    public NativeBuffer(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, (long)int.MaxValue);
        _data = NativeMemory.Alloc((nuint)bytes);
        Length = (int)bytes;
    }

    /// <summary>The buffer's size in bytes.</summary>
    public int Length { get; }

    /// <summary>The buffer's first byte, valid until disposed.</summary>
    public byte* Pointer => (byte*)_data;

    /// <summary>The buffer as bytes, valid until disposed.</summary>
    public Span<byte> Bytes => new(_data, Length);

    public void Dispose()
    {
        if (_data != null)
        {
            NativeMemory.Free(_data);
            _data = null;
        }
    }
}
