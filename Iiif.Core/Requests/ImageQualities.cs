namespace Iiif.Core.Requests;

/// <summary>URL tokens of <see cref="ImageQuality"/>, as an explicit table.</summary>
public static class ImageQualities
{
    /// <summary>Every quality, in the order info.json lists them.</summary>
    public static IReadOnlyList<ImageQuality> All { get; } = [ImageQuality.Default, ImageQuality.Color, ImageQuality.Gray, ImageQuality.Bitonal];

    /// <summary>The URL token, e.g. <c>gray</c>.</summary>
    public static string Token(ImageQuality quality) => quality switch
    {
        ImageQuality.Default => "default",
        ImageQuality.Color => "color",
        ImageQuality.Gray => "gray",
        ImageQuality.Bitonal => "bitonal",
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown quality."),
    };

    /// <summary>Maps a token to a quality; exact and case-sensitive (<c>grey</c> and <c>native</c> are not qualities in 2.x or 3.0).</summary>
    public static bool TryParse(string token, out ImageQuality quality)
    {
        switch (token)
        {
            case "default": quality = ImageQuality.Default; return true;
            case "color": quality = ImageQuality.Color; return true;
            case "gray": quality = ImageQuality.Gray; return true;
            case "bitonal": quality = ImageQuality.Bitonal; return true;
            default: quality = default; return false;
        }
    }
}
