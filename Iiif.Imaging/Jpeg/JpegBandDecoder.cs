using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg;

/// <summary>Decodes one horizontal band of a sequential JPEG with libjpeg-turbo's <c>djpeg</c> (Debian package
/// <c>libjpeg-turbo-progs</c>), which skips the rows above the band with <c>jpeg_skip_scanlines</c> (entropy decoding
/// only, no inverse DCT) and decodes just the band, so a full-resolution tile of a JPEG far larger than the memory
/// budget needs only the band's memory.</summary>
/// <remarks>Why a separate process: those libjpeg functions exist only in libjpeg's own API, whose fatal errors leave
/// through <c>longjmp</c> from the error handler, which managed code cannot provide (a managed callback can neither
/// return nor unwind through native frames), so a damaged file would end the server. TurboJPEG 2.1 guards its calls
/// with setjmp but decodes only whole images. In a child process a fatal error ends only that process. The band is read
/// from its standard output as PNM, and the process is stopped once the band has arrived (it would otherwise go on
/// skipping the rows below).</remarks>
internal static class JpegBandDecoder
{
    /// <summary>The program run for each band.</summary>
    public const string Program = "djpeg";

    /// <summary>The Debian package that installs <see cref="Program"/>.</summary>
    public const string Package = "libjpeg-turbo-progs";

    /// <summary>Decodes rows [<paramref name="top"/>, top + <paramref name="rows"/>) of the image at DCT scale
    /// 1/2^<paramref name="reduce"/>, full width, from the file at <paramref name="path"/>, or when it is null from
    /// <paramref name="source"/> fed to the program's standard input.</summary>
    /// <exception cref="JpegBandDecoderUnavailableException"><see cref="Program"/> is not installed.</exception>
    /// <exception cref="ImageDecodeException">The program failed, stopped early, or the data ended before the band.</exception>
    public static Image Decode(string? path, JpegSourceBuffer source, JpegHeader header, int reduce, int top, int rows,
        Configuration configuration, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        var width = header.ScaledSize(reduce).Width;
        using var process = Start(path, reduce, width, top, rows);
        using var timer = new CancellationTokenSource(timeout);
        using var stop = timer.Token.Register(() => Kill(process));
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var feeding = path is null ? Feed(process, source) : Task.CompletedTask;
        Image? band = null;
        try
        {
            using var output = new BufferedStream(process.StandardOutput.BaseStream, 64 * 1024);
            var pnm = PnmHeader.Read(output);
            var expected = header.IsGray ? "P5" : "P6";
            if (pnm.Magic != expected || pnm.Width != width || pnm.Height != rows || pnm.MaxValue != 255)
            {
                throw new ImageDecodeException(string.Create(CultureInfo.InvariantCulture,
                    $"{Program} produced {pnm.Magic} {pnm.Width}x{pnm.Height} (max {pnm.MaxValue}); expected {expected} {width}x{rows}."));
            }

            band = header.IsGray ? ReadRows<L8>(output, width, rows, configuration) : ReadRows<Rgb24>(output, width, rows, configuration);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            band?.Dispose();
            band = null;
            Kill(process);
            process.WaitForExit();
            throw Failure(timer.IsCancellationRequested ? $"timed out after {timeout.TotalSeconds:0} s" : "stopped early", errors);
        }
        catch
        {
            band?.Dispose();
            Kill(process);
            throw;
        }

        Kill(process);
        process.WaitForExit();
        ObserveFeeding(feeding);
        var stderr = errors.GetAwaiter().GetResult();
        if (TurboJpegReader.IsTruncation(stderr))
        {
            band.Dispose();
            throw new ImageDecodeException($"JPEG decoding failed: {stderr.Trim()}", [$"warning: {stderr.Trim()}"]);
        }

        return band;
    }

    private static Process Start(string? path, int reduce, int width, int top, int rows)
    {
        var start = new ProcessStartInfo(Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = path is null,
        };
        if (reduce > 0)
        {
            start.ArgumentList.Add("-scale");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"1/{1 << reduce}"));
        }

        start.ArgumentList.Add("-crop");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"{width}x{rows}+0+{top}"));
        start.ArgumentList.Add("-pnm");
        if (path is not null)
        {
            // Source paths are absolute, so they can never be mistaken for a switch.
            start.ArgumentList.Add(Path.GetFullPath(path));
        }

        try
        {
            return Process.Start(start) ?? throw new JpegBandDecoderUnavailableException($"{Program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new JpegBandDecoderUnavailableException(
                $"{Program} is not installed (Debian package {Package}); it decodes bands of JPEGs too large to decode whole.", e);
        }
    }

    private static unsafe Task Feed(Process process, JpegSourceBuffer source) => Task.Run(() =>
    {
        try
        {
            using var input = new UnmanagedMemoryStream(source.Pointer, source.Length);
            input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process was stopped once the band arrived: the rest of the file is not wanted.
        }
    });

    private static void ObserveFeeding(Task feeding)
    {
        if (!feeding.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new ImageDecodeException($"Feeding {Program} did not finish.");
        }
    }

    private static Image<TPixel> ReadRows<TPixel>(Stream output, int width, int rows, Configuration configuration)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = new Image<TPixel>(configuration, width, rows);
        try
        {
            for (var y = 0; y < rows; y++)
            {
                output.ReadExactly(MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span));
            }

            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static ImageDecodeException Failure(string what, Task<string> errors)
    {
        var stderr = errors.Wait(TimeSpan.FromSeconds(5)) ? errors.Result.Trim() : string.Empty;
        return new ImageDecodeException($"JPEG band decoding with {Program} {what}: {(stderr.Length > 0 ? stderr : "no message")}",
            stderr.Length > 0 ? [$"error: {stderr}"] : []);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
