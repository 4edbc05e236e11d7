using System.Globalization;
using System.Text;

namespace Iiif.Imaging.Jpeg;

/// <summary>The header of a binary PNM image (P5 gray, P6 colour): magic, width, height, maximum value, each separated by
/// whitespace, the last followed by exactly one whitespace byte before the samples (Netpbm's pgm/ppm format).</summary>
internal readonly record struct PnmHeader(string Magic, int Width, int Height, int MaxValue)
{
    private const int MaxTokenLength = 10;

    /// <summary>Reads the header byte by byte, leaving <paramref name="stream"/> at the first sample.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside the header.</exception>
    /// <exception cref="InvalidDataException">The header is malformed.</exception>
    public static PnmHeader Read(Stream stream)
    {
        var magic = Token(stream);
        return new PnmHeader(magic, Number(stream), Number(stream), Number(stream));
    }

    private static int Number(Stream stream) =>
        int.TryParse(Token(stream), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException("Malformed PNM header.");

    // Skips whitespace and '#' comments, then reads one token and consumes the single whitespace byte after it.
    private static string Token(Stream stream)
    {
        var token = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException("The PNM header ended early.");
            }

            if (b == '#' && token.Length == 0)
            {
                while (b is >= 0 and not '\n')
                {
                    b = stream.ReadByte();
                }

                continue;
            }

            if (char.IsWhiteSpace((char)b))
            {
                if (token.Length > 0)
                {
                    return token.ToString();
                }

                continue;
            }

            if (token.Length == MaxTokenLength)
            {
                throw new InvalidDataException("Malformed PNM header.");
            }

            token.Append((char)b);
        }
    }
}
