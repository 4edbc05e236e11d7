using System.Runtime.InteropServices;
using Iiif.Core.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Serves an ImageSharp image whose pixel type stores its channels as interleaved bytes or 16-bit values in
/// component order (L8, La16, Rgb24, Rgba32, L16, La32, Rgb48, Rgba64).</summary>
internal sealed class ImageSharpSampleSource<TPixel> : ISampleSource
    where TPixel : unmanaged, IPixel<TPixel>
{
    private readonly Image<TPixel> _image;
    private readonly int _channels;
    private readonly int _bytes;

    public ImageSharpSampleSource(Image<TPixel> image, int channels, int bytesPerSample, bool hasAlpha)
    {
        _image = image;
        _channels = channels;
        _bytes = bytesPerSample;
        var colour = hasAlpha ? channels - 1 : channels;
        ColorSpace = colour >= 3 ? Jpeg2000ColorSpace.SRgb : Jpeg2000ColorSpace.Gray;
        Components = Enumerable.Range(0, channels)
            .Select(i => new SampleComponent(bytesPerSample * 8, false, 1, 1, hasAlpha && i == channels - 1))
            .ToArray();
        IccProfile = image.Metadata.IccProfile?.ToByteArray() ?? ReadOnlyMemory<byte>.Empty;
    }

    public int Width => _image.Width;

    public int Height => _image.Height;

    public Jpeg2000ColorSpace ColorSpace { get; }

    public IReadOnlyList<SampleComponent> Components { get; }

    public ReadOnlyMemory<byte> IccProfile { get; }

    public void CopyComponent(int component, PixelRect rect, Span<byte> destination)
    {
        for (var y = 0; y < rect.Height; y++)
        {
            var row = MemoryMarshal.AsBytes(_image.DangerousGetPixelRowMemory(rect.Y + y).Span);
            var target = destination.Slice(y * rect.Width * _bytes, rect.Width * _bytes);
            if (_bytes == 1)
            {
                Gather(row, target, rect.X, component);
            }
            else
            {
                Gather(MemoryMarshal.Cast<byte, ushort>(row), MemoryMarshal.Cast<byte, ushort>(target), rect.X, component);
            }
        }
    }

    private void Gather<T>(ReadOnlySpan<T> row, Span<T> target, int x0, int component)
    {
        for (int x = 0, i = (x0 * _channels) + component; x < target.Length; x++, i += _channels)
        {
            target[x] = row[i];
        }
    }
}
