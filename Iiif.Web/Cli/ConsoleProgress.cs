using System.Globalization;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;

namespace Iiif.Web.Cli;

/// <summary>Shows encoding (or warming) progress on standard error: a bar redrawn in place with \r on a terminal
/// (<c>[#########           ] 45% name</c>), and a plain line every 10 % when standard error is a file or pipe,
/// where carriage returns would only pile up.</summary>
/// <remarks>Called synchronously from the encoder thread (not <see cref="Progress{T}"/>, which would post to the thread
/// pool and could draw after the command has moved on).</remarks>
internal sealed class ConsoleProgress : IProgress<Jpeg2000EncodeProgress>, IProgress<TiffWriteProgress>
{
    private const int BarWidth = 30;
    private const int LineStep = 10;

    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly string _label;
    private int _lastPercent = -1;
    private int _lastLength;

    public ConsoleProgress(TextWriter writer, bool terminal, string label)
    {
        _writer = writer;
        _terminal = terminal;
        _label = label;
    }

    /// <summary>The bar text for a fraction in [0, 1].</summary>
    public static string Bar(double fraction)
    {
        var clamped = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(clamped * BarWidth, MidpointRounding.ToZero);
        var percent = (int)Math.Round(clamped * 100, MidpointRounding.ToZero);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string(' ', BarWidth - filled)}] {percent,3}%");
    }

    public void Report(Jpeg2000EncodeProgress value)
    {
        var percent = (int)(value.Fraction * 100);
        if (_terminal)
        {
            if (percent != _lastPercent)
            {
                _writer.Write($"\r{Bar(value.Fraction)} {_label}");
                _writer.Flush();
            }
        }
        else if (percent / LineStep != _lastPercent / LineStep || _lastPercent < 0)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: {percent}% ({value.TilesWritten}/{value.TileCount} tiles)"));
        }

        _lastPercent = percent;
    }

    /// <summary>TIFF pyramid progress, drawn exactly like JPEG 2000's: tiles written of all tiles.</summary>
    public void Report(TiffWriteProgress value) => Report(new Jpeg2000EncodeProgress(value.TilesWritten, value.TileCount));

    /// <summary>Progress over a list of items (<c>iiif warm</c>): on a terminal the bar, the count and the item just
    /// finished, padded so a shorter name wipes a longer one; otherwise a line every 10 %.</summary>
    public void Step(int done, int total, string item)
    {
        var fraction = total == 0 ? 1 : (double)done / total;
        var percent = (int)(fraction * 100);
        var count = string.Create(CultureInfo.InvariantCulture, $"{done}/{total}");
        if (_terminal)
        {
            var text = $"{Bar(fraction)} {count} {item}";
            _writer.Write("\r" + text.PadRight(_lastLength));
            _writer.Flush();
            _lastLength = text.Length;
        }
        else if (percent / LineStep != _lastPercent / LineStep || _lastPercent < 0)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: {percent}% ({count})"));
        }

        _lastPercent = percent;
    }

    /// <summary>Ends the redrawn line so later output starts on a fresh one.</summary>
    public void Finish()
    {
        if (_terminal && _lastPercent >= 0)
        {
            _writer.WriteLine();
            _lastPercent = -1;
            _lastLength = 0;
        }
    }
}
