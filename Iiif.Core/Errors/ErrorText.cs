using System.Globalization;
using System.Text;

namespace Iiif.Core.Errors;

/// <summary>Builds the client-facing error messages of the parsers. Offending text is quoted short and safe: at most
/// <see cref="MaxQuotedLength"/> characters, with control, format and lone surrogate characters escaped as <c>\uXXXX</c>,
/// so a message can neither carry a long path back to the client nor break a log line or a terminal.</summary>
internal static class ErrorText
{
    /// <summary>The most characters of client input a message repeats.</summary>
    public const int MaxQuotedLength = 40;

    /// <summary>A 400 error of the form "'text' is not valid: reason".</summary>
    public static IiifError Invalid(string parameter, string text, string reason) =>
        IiifError.BadRequest(parameter, $"{Quote(text)} is not valid: {reason}.");

    /// <summary>The text in single quotes, truncated and escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(MaxQuotedLength + 16).Append('\'');
        var end = Math.Min(text.Length, MaxQuotedLength);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--; // do not cut a surrogate pair in two
        }

        var i = 0;
        while (i < end)
        {
            i += AppendSafe(builder, text, i, end);
        }

        if (end < text.Length)
        {
            builder.Append("...");
        }

        return builder.Append('\'').ToString();
    }

    // Appends the character (or surrogate pair) at index and returns how many chars it used.
    private static int AppendSafe(StringBuilder builder, string text, int index, int end)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < end && char.IsLowSurrogate(text[index + 1]))
        {
            builder.Append(c).Append(text[index + 1]);
            return 2;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        {
            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            return 1;
        }

        builder.Append(c);
        return 1;
    }
}
