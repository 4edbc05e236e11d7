using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>One decode request against OpenJPEG: a stream, a codec and (after the header) an image, freed in the order
/// image, codec, stream on every path. Codecs and streams are single use (opj-notes).</summary>
internal sealed unsafe class OpjDecodeSession : IDisposable
{
    private readonly OpjStreamHandle _stream;
    private readonly OpjCodecHandle _codec;
    private readonly OpjImageHandle _image;

    private OpjDecodeSession(OpjStreamHandle stream, OpjCodecHandle codec, OpjImageHandle image)
    {
        _stream = stream;
        _codec = codec;
        _image = image;
    }

    /// <summary>The image: header values after <see cref="Open"/>, samples after <see cref="Decode"/>.</summary>
    public OpjImage* Image => _image.Image;

    /// <summary>Creates the codec for <paramref name="container"/>, sets it up with <paramref name="threads"/> decoding
    /// threads (and strict unless <paramref name="strict"/> is false), and reads the main header from the current position
    /// of <paramref name="stream"/>.</summary>
    /// <remarks>Non-strict mode decodes what a truncated codestream still holds instead of failing; it is only used for
    /// single tiles, where a missing tile still fails (a whole-image decode would paint missing tiles black).</remarks>
    public static OpjDecodeSession Open(Stream stream, Jpeg2000Container container, CancellationToken cancellationToken, bool strict = true, int threads = 1)
    {
        var format = container == Jpeg2000Container.Jp2 ? NativeMethods.CodecJp2 : NativeMethods.CodecJ2k;
        OpjStreamHandle? streamHandle = null;
        OpjCodecHandle? codec = null;
        try
        {
            streamHandle = OpjStreamHandle.ForReading(stream, cancellationToken);
            codec = OpjCodecHandle.CreateDecompress(format);
            OpjDecoderParameters parameters;
            NativeMethods.SetDefaultDecoderParameters(&parameters);
            Check(NativeMethods.SetupDecoder(codec, &parameters), "decoder setup", streamHandle, codec);
            if (!strict)
            {
                Check(NativeMethods.SetStrictMode(codec, false), "leaving strict mode", streamHandle, codec);
            }

            NativeMethods.SetThreads(codec, threads);

            var ok = NativeMethods.ReadHeader(streamHandle, codec, out var rawImage);
            var image = new OpjImageHandle(rawImage);
            if (!ok || image.IsInvalid)
            {
                image.Dispose();
                Check(false, "header reading", streamHandle, codec);
            }

            return new OpjDecodeSession(streamHandle, codec, image);
        }
        catch
        {
            codec?.Dispose();
            streamHandle?.Dispose();
            throw;
        }
    }

    /// <summary>Header facts: image geometry and components from the SIZ marker, tiles, levels and layers from the
    /// codestream info, colour from <paramref name="jp2"/>.</summary>
    public Jpeg2000Facts ReadFacts(Jpeg2000Container container, Jp2Header jp2)
    {
        var image = Image;
        var components = new Jpeg2000ComponentFacts[image->ComponentCount];
        for (var i = 0; i < components.Length; i++)
        {
            var c = &image->Components[i];
            components[i] = new Jpeg2000ComponentFacts((int)c->Precision, c->Signed != 0, (int)c->Dx, (int)c->Dy);
        }

        var info = NativeMethods.GetCodestreamInfo(_codec);
        if (info == null)
        {
            throw Failure("codestream info");
        }

        try
        {
            var tileComponent = info->TileComponents;
            return new Jpeg2000Facts
            {
                Container = container,
                Width = checked((int)(image->X1 - image->X0)),
                Height = checked((int)(image->Y1 - image->Y0)),
                OriginX = checked((int)image->X0),
                OriginY = checked((int)image->Y0),
                Components = components,
                ColorSpace = jp2.ColorSpace,
                HasIccProfile = jp2.HasIccProfile,
                ColorChannels = ColorChannels(jp2, components.Length),
                ResolutionLevels = tileComponent == null ? 1 : (int)tileComponent->ResolutionCount,
                TileOriginX = checked((int)info->TileOriginX),
                TileOriginY = checked((int)info->TileOriginY),
                TileWidth = (int)info->TileWidth,
                TileHeight = (int)info->TileHeight,
                TileColumns = (int)info->TileColumns,
                TileRows = (int)info->TileRows,
                QualityLayers = (int)info->QualityLayers,
                ProgressionOrder = (Jpeg2000ProgressionOrder)info->ProgressionOrder,
                IsReversible = tileComponent != null && tileComponent->WaveletFilter == 1,
                IsHighThroughput = UsesHighThroughput(tileComponent, components.Length),
            };
        }
        finally
        {
            NativeMethods.DestroyCodestreamInfo(&info);
        }
    }

    /// <summary>Decodes <paramref name="area"/> into <see cref="Image"/>. opj_decode itself cannot be interrupted, but
    /// every stream read checks the token, so a cancelled request stops at the next tile it has to read.</summary>
    public void Decode(DecodeArea area)
    {
        _stream.Context.CancellationToken.ThrowIfCancellationRequested();
        if (area.Reduce > 0)
        {
            // Set after the header so the level count could be checked first; this also rescales the image's components.
            Check(NativeMethods.SetDecodedResolutionFactor(_codec, (uint)area.Reduce), "setting the reduction", _stream, _codec);
        }

        var c = area.Canvas;
        Check(NativeMethods.SetDecodeArea(_codec, _image, c.X, c.Y, c.Right, c.Bottom), "setting the decode area", _stream, _codec);
        Check(NativeMethods.Decode(_codec, _stream, _image), "decoding", _stream, _codec);
        Check(NativeMethods.EndDecompress(_codec, _stream), "finishing the decode", _stream, _codec);
    }

    /// <summary>Decodes the whole tile <paramref name="tileIndex"/> at reduction <paramref name="reduce"/> into
    /// <see cref="Image"/>, whose components then cover that tile (clipped to the image) on the reduced grid.</summary>
    public void DecodeTile(int tileIndex, int reduce)
    {
        _stream.Context.CancellationToken.ThrowIfCancellationRequested();
        if (reduce > 0)
        {
            Check(NativeMethods.SetDecodedResolutionFactor(_codec, (uint)reduce), "setting the reduction", _stream, _codec);
        }

        Check(NativeMethods.GetDecodedTile(_codec, _stream, _image, (uint)tileIndex), "decoding tile " + tileIndex, _stream, _codec);
    }

    /// <summary>An <see cref="ImageDecodeException"/> about <paramref name="step"/> with the codec's messages.</summary>
    public ImageDecodeException Failure(string step) => Failure(step, _codec);

    /// <inheritdoc/>
    public void Dispose()
    {
        _image.Dispose();
        _codec.Dispose();
        _stream.Dispose();
    }

    // COD/COC code-block style bits of Part 15: 0x40 all code-blocks HT, 0x80 HT and classic mixed (ISO 15444-15 A.4).
    private static bool UsesHighThroughput(OpjTileComponentInfo* components, int count)
    {
        for (var i = 0; components != null && i < count; i++)
        {
            if ((components[i].CodeBlockStyle & 0xC0) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int ColorChannels(Jp2Header jp2, int componentCount)
    {
        if (jp2.PaletteColumns > 0)
        {
            return jp2.PaletteColumns;
        }

        return jp2.ColorSpace switch
        {
            Jpeg2000ColorSpace.Gray => 1,
            Jpeg2000ColorSpace.SRgb or Jpeg2000ColorSpace.SYcc or Jpeg2000ColorSpace.EYcc => 3,
            Jpeg2000ColorSpace.Cmyk => 4,
            _ => componentCount >= 3 ? 3 : 1,
        };
    }

    /// <summary>After each library call: a stream fault or cancellation wins over the codec's own complaint (it is the
    /// cause), then a false return becomes an <see cref="ImageDecodeException"/>.</summary>
    private static void Check(bool ok, string step, OpjStreamHandle stream, OpjCodecHandle codec)
    {
        stream.Context.ThrowIfFaulted();
        if (!ok)
        {
            throw Failure(step, codec);
        }
    }

    private static ImageDecodeException Failure(string step, OpjCodecHandle codec)
    {
        var reason = codec.Messages.FirstError ?? "the codec gave no reason";
        return new ImageDecodeException($"JPEG 2000 {step} failed: {reason}", codec.Messages.Snapshot());
    }
}
