using System.Globalization;

namespace Iiif.Web.Cli;

/// <summary>A <c>WxH</c> command-line value.</summary>
internal readonly record struct PixelSizeArgument(int Width, int Height)
{
    private const int Max = 65535;

    /// <exception cref="CliException">Not two positive integers joined by x.</exception>
    public static PixelSizeArgument Parse(string text, string option)
    {
        var parts = text.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w is >= 1 and <= Max && h is >= 1 and <= Max)
        {
            return new PixelSizeArgument(w, h);
        }

        throw new CliException($"{option} must be WxH with sides from 1 to {Max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
    }
}
