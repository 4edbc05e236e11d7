using Iiif.Imaging.Jpeg.Native;

namespace Iiif.Imaging.Jpeg;

/// <summary>Crops a complete JPEG to its top-left part losslessly (TurboJPEG's transform works on the DCT coefficients):
/// an edge tile of a TIFF pyramid is its stored tile with the padding past the image cut off, without a decode and a
/// second JPEG generation. Thread-safe; keeps a few idle transformers per core.</summary>
/// <remarks>Inside the crop every pixel decodes as in the whole stored tile except, when chroma is subsampled, the colour
/// of the last column and row: the decoder's smooth chroma upsampling meets the crop's edge there instead of the padding
/// beyond it. A decode, crop and encode would change every pixel by a JPEG generation instead.</remarks>
internal static unsafe class JpegTileCropper
{
    private static readonly IdlePool<TjHandle> Transformers = new(TjHandle.CreateTransformer);

    /// <summary>The top-left <paramref name="width"/> x <paramref name="height"/> pixels of <paramref name="jpeg"/> as a
    /// JPEG with the same markers (ICC profile included), or null when the library declines: a damaged stream (even one
    /// it only warns about), an image smaller than the crop (the library would shrink the crop silently) or a subsampling
    /// it cannot crop. The caller then renders, which reports damage properly.</summary>
    public static byte[]? CropTopLeft(ReadOnlySpan<byte> jpeg, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (JpegMarkerReader.Read(jpeg) is not { Frame: var frame } || frame.Width < width || frame.Height < height)
        {
            return null;
        }

        var handle = Transformers.Rent();
        byte* output = null;
        nuint size = 0;
        try
        {
            var crop = new TjTransform { Width = width, Height = height, Options = TjTransform.OptionCrop };
            fixed (byte* source = jpeg)
            {
                if (NativeMethods.Transform(handle, source, (nuint)jpeg.Length, 1, &output, &size, &crop, (int)TjFlags.LimitScans) != 0)
                {
                    return null;
                }
            }

            return size is 0 or > int.MaxValue ? null : new ReadOnlySpan<byte>(output, (int)size).ToArray();
        }
        finally
        {
            if (output != null)
            {
                NativeMethods.Free(output);
            }

            Transformers.Return(handle);
        }
    }
}
