using System.Text;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A response as read by <see cref="RawHttp"/>.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, List<string>> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The header's values joined with ", ", or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The decoded body's pixel size.</summary>
    public (int Width, int Height) PixelSize()
    {
        var info = Image.Identify(Body);
        return (info.Width, info.Height);
    }

    public override string ToString() => $"{Status} {Header("Content-Type")} {(Status >= 300 ? Text : Body.Length + " bytes")}";
}
