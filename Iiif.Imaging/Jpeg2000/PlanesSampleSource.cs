using System.Runtime.InteropServices;
using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Serves <see cref="Jpeg2000Planes"/>, checking that every plane has the size its subsampling implies.</summary>
internal sealed class PlanesSampleSource : ISampleSource
{
    private readonly Jpeg2000Planes _planes;

    public PlanesSampleSource(Jpeg2000Planes planes, int originX, int originY)
    {
        _planes = planes;
        foreach (var plane in planes.Components)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(plane.Dx, 1, nameof(planes));
            ArgumentOutOfRangeException.ThrowIfLessThan(plane.Dy, 1, nameof(planes));
            var width = CeilDiv(originX + (long)planes.Width, plane.Dx) - CeilDiv(originX, plane.Dx);
            var height = CeilDiv(originY + (long)planes.Height, plane.Dy) - CeilDiv(originY, plane.Dy);
            if (plane.Width != width || plane.Height != height)
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"A plane subsampled {plane.Dx}x{plane.Dy} must be {width}x{height}, not {plane.Width}x{plane.Height}."),
                    nameof(planes));
            }
        }

        Components = planes.Components.Select(p => new SampleComponent(p.Precision, p.IsSigned, p.Dx, p.Dy, p.IsAlpha)).ToArray();
    }

    public int Width => _planes.Width;

    public int Height => _planes.Height;

    public Jpeg2000ColorSpace ColorSpace => _planes.ColorSpace;

    public IReadOnlyList<SampleComponent> Components { get; }

    public ReadOnlyMemory<byte> IccProfile => ReadOnlyMemory<byte>.Empty;

    public void CopyComponent(int component, PixelRect rect, Span<byte> destination)
    {
        var plane = _planes.Components[component];
        var samples = plane.Samples.Span;
        var wide = Components[component].BytesPerSample == 2;
        var wideTarget = MemoryMarshal.Cast<byte, ushort>(destination);
        for (var y = 0; y < rect.Height; y++)
        {
            var source = samples.Slice(((rect.Y + y) * plane.Width) + rect.X, rect.Width);
            var offset = y * rect.Width;
            for (var x = 0; x < source.Length; x++)
            {
                // Truncation keeps the two's complement bits, which is how opj_write_tile reads signed samples.
                if (wide)
                {
                    wideTarget[offset + x] = unchecked((ushort)source[x]);
                }
                else
                {
                    destination[offset + x] = unchecked((byte)source[x]);
                }
            }
        }
    }

    private static long CeilDiv(long value, int divisor) => (value + divisor - 1) / divisor;
}
