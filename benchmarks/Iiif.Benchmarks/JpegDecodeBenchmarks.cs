using BenchmarkDotNet.Attributes;
using Iiif.Imaging.Jpeg;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Benchmarks;

/// <summary>Decoding an 8000x6000 baseline JPEG source: ImageSharp 2.1.13's decoder, which has no reduced decode and so
/// decoded the whole image at full size for every request, against TurboJPEG at the DCT scales the server picks from
/// the plan's reduction (1, 1/2, 1/4, 1/8). Each decodes the whole image once, as the decoded-image cache does.</summary>
[MemoryDiagnoser]
public class JpegDecodeBenchmarks
{
    private static readonly JpegDecoder ImageSharpDecoder = new();

    private string _path = null!;
    private JpegSourceBuffer _buffer = null!;
    private JpegHeader _header = null!;
    private TurboJpegReader _reader = null!;

    [Params(0, 1, 2, 3)]
    public int Reduce { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = SyntheticSource.EnsureJpeg();
        _buffer = JpegSourceBuffer.Map(_path);
        _header = TurboJpegReader.ReadHeader(_buffer);
        _reader = new TurboJpegReader(Configuration.Default);
        var (width, height) = _header.ScaledSize(Reduce);
        Console.WriteLine(FormattableString.Invariant(
            $"// 1/{1 << Reduce}: {width}x{height}, {_header.DecodedBytes(Reduce) / (1024 * 1024)} MB decoded (full size {_header.DecodedBytes(0) / (1024 * 1024)} MB)"));
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    [Benchmark(Baseline = true, Description = "ImageSharp JpegDecoder, full size")]
    public int ImageSharpFull()
    {
        using var stream = File.OpenRead(_path);
        using var image = ImageSharpDecoder.Decode<Rgb24>(Configuration.Default, stream, CancellationToken.None);
        return image.Width;
    }

    [Benchmark(Description = "TurboJPEG at 1/2^Reduce")]
    public int TurboJpegScaled()
    {
        using var image = _reader.Decode(_buffer, _header, Reduce);
        return image.Width;
    }
}
