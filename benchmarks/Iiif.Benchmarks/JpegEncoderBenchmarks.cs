using BenchmarkDotNet.Attributes;
using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Iiif.Benchmarks;

/// <summary>Encoding one tile as JPEG q85 4:2:0: ImageSharp 2.1.13's <see cref="JpegEncoder"/> against TurboJPEG
/// (libjpeg-turbo, the server's jpg encoder), at the tile sizes viewers ask for. The pixels are a tile decoded from the
/// synthetic benchmark JPEG 2000, so they carry the detail and grain of a real scan. Each call writes into one reused
/// memory stream, as the render path does.</summary>
[MemoryDiagnoser]
public class JpegEncoderBenchmarks
{
    private const int Quality = 85;

    private MemoryStream _output = null!;
    private JpegCompressorPool _pool = null!;
    private JpegEncoder _imageSharp = null!;
    private TurboJpegEncoder _turbo = null!;
    private TurboJpegEncoder _turboProgressive = null!;
    private Image<Rgb24> _tile = null!;

    [Params(256, 512, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _output = new MemoryStream();
        _pool = new JpegCompressorPool();
        var source = SyntheticSource.EnsureFile();
        using var decoded = new Jpeg2000Reader().Decode(source, new PixelRect(2048, 1024, 1024, 1024), 0);
        _tile = decoded.CloneAs<Rgb24>();
        _tile.Mutate(c => c.Crop(Size, Size));
        _imageSharp = new JpegEncoder { Quality = Quality, ColorType = JpegColorType.YCbCrRatio420 };
        _turbo = new TurboJpegEncoder(new JpegEncoderSettings(Quality, Progressive: false), _pool);
        _turboProgressive = new TurboJpegEncoder(new JpegEncoderSettings(Quality, Progressive: true), _pool);
        Console.WriteLine(FormattableString.Invariant(
            $"// bytes at {Size} px: ImageSharp {ImageSharp()}, TurboJPEG {TurboJpeg()}, TurboJPEG progressive {TurboJpegProgressive()}"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tile.Dispose();
        _pool.Dispose();
        _output.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ImageSharp JpegEncoder q85 4:2:0")]
    public long ImageSharp()
    {
        _output.SetLength(0);
        _tile.SaveAsJpeg(_output, _imageSharp);
        return _output.Length;
    }

    [Benchmark(Description = "TurboJPEG q85 4:2:0")]
    public long TurboJpeg()
    {
        _output.SetLength(0);
        _turbo.Encode(_tile, _output);
        return _output.Length;
    }

    [Benchmark(Description = "TurboJPEG q85 4:2:0 progressive")]
    public long TurboJpegProgressive()
    {
        _output.SetLength(0);
        _turboProgressive.Encode(_tile, _output);
        return _output.Length;
    }
}
