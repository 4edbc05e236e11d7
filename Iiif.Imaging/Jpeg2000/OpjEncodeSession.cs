using System.Buffers;
using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Writes one J2K codestream with OpenJPEG, tile by tile (opj_write_tile): only one tile's samples are ever
/// copied into native memory, progress can be reported per tile and cancellation honoured between tiles.</summary>
internal static unsafe class OpjEncodeSession
{
    private const int ColorSpaceUnspecified = 0;

    /// <summary>Encodes <paramref name="source"/> into <paramref name="output"/> at its current position.</summary>
    public static void Encode(
        ISampleSource source,
        Jpeg2000EncoderOptions options,
        EncoderGeometry geometry,
        Stream output,
        IProgress<Jpeg2000EncodeProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var stream = OpjStreamHandle.ForWriting(output, cancellationToken);
        using var codec = OpjCodecHandle.CreateCompress(NativeMethods.CodecJ2k);
        using var image = CreateImage(source, geometry);

        OpjEncoderParameters parameters;
        NativeMethods.SetDefaultEncoderParameters(&parameters);
        EncoderParameters.Apply(&parameters, options, geometry, UsesColourTransform(source));
        Check(NativeMethods.SetupEncoder(codec, &parameters, image), "setup", stream, codec);
        SetExtraOptions(codec, options, stream);
        NativeMethods.SetThreads(codec, Math.Max(options.Threads, 1));
        Check(NativeMethods.StartCompress(codec, image, stream), "start", stream, codec);
        WriteTiles(source, geometry, codec, stream, progress, cancellationToken);
        Check(NativeMethods.EndCompress(codec, stream), "end", stream, codec);
    }

    /// <summary>The reversible/irreversible colour transform applies to three same-shaped RGB components; YCC input is
    /// already decorrelated and subsampled chroma cannot be transformed.</summary>
    private static bool UsesColourTransform(ISampleSource source)
    {
        var c = source.Components;
        return c.Count >= 3
            && source.ColorSpace is Jpeg2000ColorSpace.SRgb or Jpeg2000ColorSpace.Unspecified or Jpeg2000ColorSpace.Icc
            && c.Take(3).All(x => !x.IsAlpha && x.Dx == c[0].Dx && x.Dy == c[0].Dy && x.Precision == c[0].Precision && x.IsSigned == c[0].IsSigned);
    }

    private static OpjImageHandle CreateImage(ISampleSource source, EncoderGeometry geometry)
    {
        var components = source.Components;
        var parameters = stackalloc OpjComponentParameters[components.Count];
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var size = geometry.ComponentSize(c.Dx, c.Dy);
            parameters[i] = new OpjComponentParameters
            {
                Dx = (uint)c.Dx,
                Dy = (uint)c.Dy,
                Width = (uint)size.Width,
                Height = (uint)size.Height,
                X0 = (uint)((geometry.Image.X + c.Dx - 1) / c.Dx),
                Y0 = (uint)((geometry.Image.Y + c.Dy - 1) / c.Dy),
                Precision = (uint)c.Precision,
                Signed = c.IsSigned ? 1u : 0u,
            };
        }

        // The colour space only matters to OpenJPEG's own JP2 writer, which is not used.
        var image = new OpjImageHandle(NativeMethods.ImageTileCreate((uint)components.Count, parameters, ColorSpaceUnspecified));
        if (image.IsInvalid)
        {
            image.Dispose();
            throw new Jpeg2000EncodeException("OpenJPEG could not create the image.");
        }

        var img = image.Image;
        img->X0 = (uint)geometry.Image.X;
        img->Y0 = (uint)geometry.Image.Y;
        img->X1 = (uint)geometry.Image.Right;
        img->Y1 = (uint)geometry.Image.Bottom;
        return image;
    }

    private static void SetExtraOptions(OpjCodecHandle codec, Jpeg2000EncoderOptions options, OpjStreamHandle stream)
    {
        var texts = new List<string>();
        if (options.WritePacketLengths)
        {
            texts.Add("PLT=YES");
        }

        if (options.WriteTileLengths)
        {
            texts.Add("TLM=YES");
        }

        if (texts.Count == 0)
        {
            return;
        }

        var pointers = new nint[texts.Count + 1];
        try
        {
            for (var i = 0; i < texts.Count; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(texts[i]);
            }

            fixed (nint* list = pointers)
            {
                Check(NativeMethods.SetExtraOptions(codec, (byte**)list), "extra options", stream, codec);
            }
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static void WriteTiles(
        ISampleSource source,
        EncoderGeometry geometry,
        OpjCodecHandle codec,
        OpjStreamHandle stream,
        IProgress<Jpeg2000EncodeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var components = source.Components;
        // A subsampled tile-component can be one sample wider or taller than the tile divided by dx, dy (ceil on both edges).
        var bufferSize = components.Sum(c =>
            (((long)geometry.TileWidth / c.Dx) + 2) * ((geometry.TileHeight / c.Dy) + 2) * c.BytesPerSample);
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)bufferSize));
        try
        {
            for (var tile = 0; tile < geometry.TileCount; tile++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var canvas = geometry.Tile(tile);
                var used = 0;
                for (var c = 0; c < components.Count; c++)
                {
                    var rect = geometry.ComponentRect(canvas, components[c].Dx, components[c].Dy);
                    var length = (int)rect.Size.Area * components[c].BytesPerSample;
                    source.CopyComponent(c, rect, buffer.AsSpan(used, length));
                    used += length;
                }

                fixed (byte* data = buffer)
                {
                    Check(NativeMethods.WriteTile(codec, (uint)tile, data, (uint)used, stream), "writing a tile", stream, codec);
                }

                progress?.Report(new Jpeg2000EncodeProgress(tile + 1, geometry.TileCount));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Check(bool ok, string step, OpjStreamHandle stream, OpjCodecHandle codec)
    {
        stream.Context.ThrowIfFaulted();
        if (!ok)
        {
            var reason = codec.Messages.FirstError ?? "the codec gave no reason";
            throw new Jpeg2000EncodeException($"JPEG 2000 encoding failed at {step}: {reason}", codec.Messages.Snapshot());
        }
    }
}
