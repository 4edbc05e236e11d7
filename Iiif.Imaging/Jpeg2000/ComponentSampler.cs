using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Reads one decoded component onto the output grid: scales its samples to 8 bits (shifting signed ones up by
/// half the range first) and repeats samples of subsampled components (dx, dy &gt; 1) to fill every output pixel.</summary>
internal sealed unsafe class ComponentSampler
{
    private readonly int* _data;
    private readonly int _width;
    private readonly int _height;
    private readonly int _precision;
    private readonly int _signedOffset;
    private readonly byte[]? _table;
    private readonly int[] _columns;
    private readonly int _dy;
    private readonly int _originY;
    private readonly int _outputY;
    private readonly int _directStart = -1;

    /// <summary>Prepares sampling of <paramref name="component"/>, decoded for <paramref name="area"/>.</summary>
    /// <exception cref="ImageDecodeException">The component has no data or a size the area does not predict.</exception>
    public ComponentSampler(OpjImageComponent* component, DecodeArea area)
    {
        _data = component->Data;
        _width = (int)component->Width;
        _height = (int)component->Height;
        _precision = (int)component->Precision;
        var dx = (int)Math.Max(component->Dx, 1);
        _dy = (int)Math.Max(component->Dy, 1);
        if (_data == null || _precision is < 1 or > 31)
        {
            throw new ImageDecodeException("The decoded JPEG 2000 component has no samples or an unsupported precision.");
        }

        // On the reduced grid a component's samples start at ceil(x0 / (d * 2^r)) (ISO 15444-1 B.2, B.5).
        var originX = (int)DecodeArea.CeilDiv(area.Canvas.X, (long)dx << area.Reduce);
        _originY = (int)DecodeArea.CeilDiv(area.Canvas.Y, (long)_dy << area.Reduce);
        var expectedWidth = DecodeArea.CeilDiv(area.Canvas.Right, (long)dx << area.Reduce) - originX;
        var expectedHeight = DecodeArea.CeilDiv(area.Canvas.Bottom, (long)_dy << area.Reduce) - _originY;
        if (expectedWidth != _width || expectedHeight != _height)
        {
            throw new ImageDecodeException("The decoded JPEG 2000 component does not have the size of the requested area.");
        }

        _signedOffset = component->Signed != 0 ? 1 << (_precision - 1) : 0;
        _table = _precision <= PrecisionTables.MaxTablePrecision ? PrecisionTables.For(_precision) : null;
        _outputY = area.OutputY;
        _columns = ColumnMap(area.OutputX, area.OutputSize.Width, dx, originX, _width);

        // 8-bit unsigned, not subsampled and covering the output row: output pixel x is sample start + x unchanged.
        var start = area.OutputX - originX;
        if (_precision == 8 && _signedOffset == 0 && dx == 1 && _dy == 1 && start >= 0 && start + area.OutputSize.Width <= _width)
        {
            _directStart = start;
        }
    }

    /// <summary>True when output row y is this component's samples as they are (8-bit unsigned, not subsampled): the
    /// converter then reads them through <see cref="DirectRow"/> without the table or the column map.</summary>
    public bool IsDirect => _directStart >= 0;

    /// <summary>The first sample of output row <paramref name="y"/> when <see cref="IsDirect"/>.</summary>
    public int* DirectRow(int y) => _data + ((long)SourceRow(y) * _width) + _directStart;

    /// <summary>Writes output row <paramref name="y"/> of this component into every <paramref name="stride"/>-th byte of
    /// <paramref name="row"/>, starting at <paramref name="channel"/>.</summary>
    public void FillRow(int y, Span<byte> row, int channel, int stride)
    {
        var samples = new ReadOnlySpan<int>(_data + ((long)SourceRow(y) * _width), _width);
        var columns = _columns;
        var offset = _signedOffset;
        if (_table is { } table)
        {
            var max = table.Length - 1;
            for (int x = 0, i = channel; x < columns.Length; x++, i += stride)
            {
                // Clamped by hand for the reason PrecisionTables.ClampToByte gives.
                var sample = samples[columns[x]] + offset;
                row[i] = table[sample < 0 ? 0 : sample > max ? max : sample];
            }

            return;
        }

        for (int x = 0, i = channel; x < columns.Length; x++, i += stride)
        {
            row[i] = PrecisionTables.Scale((long)samples[columns[x]] + offset, _precision);
        }
    }

    // Output pixel (gx, gy) on the reduced grid lies on component sample floor(g / d) (clamped to the decoded span).
    private int SourceRow(int y) => Math.Clamp(((_outputY + y) / _dy) - _originY, 0, _height - 1);

    private static int[] ColumnMap(int outputX, int outputWidth, int dx, int originX, int width)
    {
        var map = new int[outputWidth];
        for (var x = 0; x < map.Length; x++)
        {
            map[x] = Math.Clamp(((outputX + x) / dx) - originX, 0, width - 1);
        }

        return map;
    }
}
