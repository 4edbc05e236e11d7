using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Iiif.Core.Info;

/// <summary>Serialises info documents as compact UTF-8 JSON.</summary>
/// <remarks>The encoder keeps non-ASCII text (attribution, labels) readable but still escapes the HTML-sensitive characters
/// <c>&lt; &gt; &amp; ' " + `</c> as <c>\uXXXX</c>, so an identifier or configured string cannot inject markup when a browser
/// renders the JSON as HTML. <c>UnsafeRelaxedJsonEscaping</c> would drop that protection for no gain. <c>/</c> is never
/// escaped, so ids stay byte-identical to the requested URL.</remarks>
public static class InfoJson
{
    /// <summary>The options used here; Web may hand them to its JSON result so every path writes the same bytes.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = SerializerOptions.Encoder, Indented = false };

    /// <summary>The document as a compact JSON string.</summary>
    public static string Serialize(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(SerializerOptions);
    }

    /// <summary>The document as compact UTF-8 bytes, ready for a response body.</summary>
    public static byte[] SerializeToUtf8Bytes(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            document.WriteTo(writer, SerializerOptions);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Read-only so no caller can change what every other caller writes.
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = false };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
