using System.Globalization;
using Iiif.Imaging.Sources;

namespace Iiif.Imaging.Decoding;

/// <summary>Picks the decoder for a source from its first <see cref="SourceFormatSniffer.HeaderLength"/> bytes, asking the
/// registered decoders in registration order. The file extension plays no part: it only helped the source find the file.</summary>
internal sealed class DecoderSelector
{
    private readonly IImageDecoder[] _decoders;

    public DecoderSelector(IEnumerable<IImageDecoder> decoders)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        _decoders = [.. decoders];
    }

    /// <summary>The decoder for <paramref name="source"/>.</summary>
    /// <exception cref="UnsupportedImageFormatException">The source is empty or no decoder recognises its bytes.</exception>
    public IImageDecoder Select(ImageSourceHandle source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[SourceFormatSniffer.HeaderLength];
        int length;
        using (var stream = source.OpenRead())
        {
            length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (length == 0)
        {
            throw new UnsupportedImageFormatException($"The source '{source.Identifier}' is empty.");
        }

        return Find(header[..length]) ?? throw new UnsupportedImageFormatException(
            $"The source '{source.Identifier}' is not in a supported format (it starts with {Hex(header[..Math.Min(length, 8)])}).");
    }

    /// <summary>The first decoder that recognises <paramref name="header"/>, or null.</summary>
    public IImageDecoder? Find(ReadOnlySpan<byte> header)
    {
        foreach (var decoder in _decoders)
        {
            if (decoder.CanDecode(header))
            {
                return decoder;
            }
        }

        return null;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
