using System.Buffers;
using System.Globalization;
using System.Text;

namespace Iiif.Imaging.Sources;

/// <summary>The Pairtree identifier mapping (CDL Pairtree spec, section 3): identifier cleaning and its inverse, and the
/// split of a cleaned identifier into two-character "shorties" that form the folder path.</summary>
internal static class Pairtree
{
    // Spec step 1: these visible ASCII characters are hex-encoded too, because steps 2 and the encoding itself use them.
    private static readonly SearchValues<byte> Escaped = SearchValues.Create("\"*+,<=>?\\^|"u8);

    /// <summary>Cleans <paramref name="identifier"/>: every UTF-8 byte outside 0x21-0x7E or in <c>"*+,&lt;=&gt;?\^|</c>
    /// becomes <c>^</c> and two lowercase hex digits; then '/' becomes '=', ':' becomes '+' and '.' becomes ','.</summary>
    public static string Clean(string identifier)
    {
        var builder = new StringBuilder(identifier.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(identifier))
        {
            if (b < 0x21 || b > 0x7E || Escaped.Contains(b))
            {
                builder.Append('^').Append(b.ToString("x2", CultureInfo.InvariantCulture));
                continue;
            }

            builder.Append((char)b switch
            {
                '/' => '=',
                ':' => '+',
                '.' => ',',
                var c => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Clean"/>; null when <paramref name="cleaned"/> holds characters Clean never writes or
    /// escapes that do not decode to UTF-8. Lenient about hex case: callers needing the canonical form compare
    /// <c>Clean(Unclean(x))</c> with x.</summary>
    public static string? Unclean(string cleaned)
    {
        var bytes = new List<byte>(cleaned.Length);
        for (var i = 0; i < cleaned.Length; i++)
        {
            var c = cleaned[i];
            if (c == '^')
            {
                if (i + 2 >= cleaned.Length
                    || !byte.TryParse(cleaned.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                bytes.Add(value);
                i += 2;
                continue;
            }

            if (c < 0x21 || c > 0x7E || "\"*<>?\\|/:.".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            bytes.Add((byte)(c switch { '=' => '/', '+' => ':', ',' => '.', _ => c }));
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The folder path of a cleaned identifier: two-character shorties joined by '/', the last one possibly a
    /// single character (<c>abcde</c> gives <c>ab/cd/e</c>).</summary>
    public static string ShortyPath(string cleaned)
    {
        var builder = new StringBuilder(cleaned.Length + (cleaned.Length / 2));
        for (var i = 0; i < cleaned.Length; i += 2)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(cleaned.AsSpan(i, Math.Min(2, cleaned.Length - i)));
        }

        return builder.ToString();
    }

    /// <summary>True when a folder name can be a shorty (one or two characters). Longer names end a pairtree path.</summary>
    public static bool IsShorty(string folderName) => folderName.Length is 1 or 2;
}
