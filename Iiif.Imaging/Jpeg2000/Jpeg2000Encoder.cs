using SixLabors.ImageSharp;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Writes JPEG 2000 files (JP2 or raw J2K) with OpenJPEG: the converter that prepares IIIF-friendly sources,
/// and the maker of the test images. Thread-safe; each call uses its own codec.</summary>
/// <remarks>
/// <para>Input: an ImageSharp image (L8, La16, Rgb24, Rgba32 for 8 bits; L16, La32, Rgb48, Rgba64 for 16), or raw
/// <see cref="Jpeg2000Planes"/> for signed, odd-precision, subsampled or YCC data.</para>
/// <para>Tiles are written one at a time (opj_write_tile), so memory stays at one tile of native samples, progress is
/// reported after each tile and cancellation is checked before each. Output streams must be writable and seekable
/// (marker and box lengths are filled in afterwards); writing starts at their current position.</para>
/// </remarks>
public sealed class Jpeg2000Encoder
{
    /// <summary>An encoder with <paramref name="options"/> (defaults when null).</summary>
    public Jpeg2000Encoder(Jpeg2000EncoderOptions? options = null)
    {
        Options = options ?? new Jpeg2000EncoderOptions();
        EncoderParameters.LayerRates(Options);
    }

    /// <summary>The options every call uses.</summary>
    public Jpeg2000EncoderOptions Options { get; }

    /// <summary>Encodes <paramref name="image"/> into a new file at <paramref name="path"/> (replaced if it exists; deleted
    /// again if encoding fails or is cancelled).</summary>
    public void Encode(Image image, string path, IProgress<Jpeg2000EncodeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        EncodeToFile(SampleSources.From(image), path, progress, cancellationToken);
    }

    /// <summary>Encodes <paramref name="image"/> into <paramref name="output"/>.</summary>
    public void Encode(Image image, Stream output, IProgress<Jpeg2000EncodeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        EncodeToStream(SampleSources.From(image), output, progress, cancellationToken);
    }

    /// <summary>Encodes raw component planes into a new file at <paramref name="path"/>.</summary>
    public void Encode(Jpeg2000Planes planes, string path, IProgress<Jpeg2000EncodeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planes);
        EncodeToFile(new PlanesSampleSource(planes, Options.OriginX, Options.OriginY), path, progress, cancellationToken);
    }

    /// <summary>Encodes raw component planes into <paramref name="output"/>.</summary>
    public void Encode(Jpeg2000Planes planes, Stream output, IProgress<Jpeg2000EncodeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planes);
        EncodeToStream(new PlanesSampleSource(planes, Options.OriginX, Options.OriginY), output, progress, cancellationToken);
    }

    private void EncodeToFile(ISampleSource source, string path, IProgress<Jpeg2000EncodeProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            EncodeToStream(source, file, progress, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private void EncodeToStream(ISampleSource source, Stream output, IProgress<Jpeg2000EncodeProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite || !output.CanSeek)
        {
            throw new ArgumentException("The output stream must be writable and seekable.", nameof(output));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var geometry = new EncoderGeometry(Options.OriginX, Options.OriginY, source.Width, source.Height, Options.TileSize, Options.Resolutions);
        if (Options.Container == Jpeg2000Container.J2k)
        {
            OpjEncodeSession.Encode(source, Options, geometry, output, progress, cancellationToken);
            return;
        }

        var icc = !Options.IccProfile.IsEmpty ? Options.IccProfile : Options.EmbedImageIccProfile ? source.IccProfile : ReadOnlyMemory<byte>.Empty;
        var codestreamBox = Jp2HeaderWriter.WriteHeader(output, source, icc.Span);
        OpjEncodeSession.Encode(source, Options, geometry, output, progress, cancellationToken);
        Jp2HeaderWriter.FinishCodestreamBox(output, codestreamBox);
    }
}
