using Iiif.Core.Geometry;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Encoding;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;

namespace Iiif.Imaging.Transforms;

/// <summary>Finishes a <see cref="RenderPlan"/> on decoded pixels: size, mirror, rotation, quality, in the order of
/// https://iiif.io/api/image/3.0/#46-order-of-implementation. Both entry points take ownership of the image they are given and return the image to encode (the same
/// instance or a new one); the caller disposes only the returned image.</summary>
internal sealed class PlanApplier
{
    private readonly Configuration _configuration;
    private readonly IResampler _resampler;
    private readonly byte _bitonalThreshold;

    /// <summary>Creates an applier working in <paramref name="configuration"/>, the server's own ImageSharp configuration.</summary>
    public PlanApplier(Configuration configuration, IOptions<TransformOptions> options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BitonalThreshold, 0.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.BitonalThreshold, 1.0, nameof(options));

        _configuration = configuration;
        _resampler = Resamplers.For(settings.Resampler);
        _bitonalThreshold = (byte)Math.Round(settings.BitonalThreshold * byte.MaxValue, MidpointRounding.AwayFromZero);
    }

    /// <summary>Applies the plan to <paramref name="decodedRegion"/>: exactly <see cref="RenderPlan.SourceRegion"/> decoded
    /// at <see cref="RenderPlan.Reduction"/>, so of size <see cref="RenderPlan.DecodedSize"/> (the JPEG 2000 path).</summary>
    public Image Apply(Image decodedRegion, RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(decodedRegion);
        ArgumentNullException.ThrowIfNull(plan);
        if (SizeOf(decodedRegion) != plan.DecodedSize)
        {
            decodedRegion.Dispose();
            throw new ArgumentException(
                $"The decoder returned {SizeOf(decodedRegion)} pixels; the plan expects {plan.DecodedSize}.", nameof(decodedRegion));
        }

        return Finish(decodedRegion, plan);
    }

    /// <summary>Applies the plan to a whole image decoded at full resolution (formats without resolution levels): crops
    /// <see cref="RenderPlan.SourceRegion"/> first, then resizes straight to the scaled size.</summary>
    public Image ApplyToFullImage(Image fullImage, RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(fullImage);
        ArgumentNullException.ThrowIfNull(plan);
        var region = plan.SourceRegion;
        if (region.X < 0 || region.Y < 0 || region.Right > fullImage.Width || region.Bottom > fullImage.Height)
        {
            fullImage.Dispose();
            throw new ArgumentException($"The region {region} lies outside the {fullImage.Width}x{fullImage.Height} image.", nameof(fullImage));
        }

        if (region.Size != SizeOf(fullImage))
        {
            fullImage.Mutate(_configuration, c => c.Crop(new Rectangle(region.X, region.Y, region.Width, region.Height)));
        }

        return Finish(fullImage, plan);
    }

    private Image Finish(Image image, RenderPlan plan)
    {
        try
        {
            image = Prepare(image, plan.Quality);
            ResizeMirrorRotateRightAngle(image, plan);
            if (!IsRightAngle(plan.Degrees))
            {
                image = RotateArbitrary(image, plan);
            }

            if (PixelKinds.HasAlpha(image) && !OutputFormatTraits.SupportsTransparency(plan.Format))
            {
                image = FlattenOntoWhite(image);
            }

            if (plan.Quality == ImageQuality.Bitonal)
            {
                BitonalThreshold.Apply(image, _bitonalThreshold);
            }

            EnsureOutputSize(image, plan);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>Working pixel type, single frame, metadata that still describes the output. Gray and bitonal convert
    /// to luminance before resizing: both steps are linear (ImageSharp does not compand by default), so the result
    /// matches converting afterwards (https://iiif.io/api/image/3.0/#46-order-of-implementation "as if in that order") while resizing a third of the data.</summary>
    private Image Prepare(Image image, ImageQuality quality)
    {
        while (image.Frames.Count > 1)
        {
            image.Frames.RemoveFrame(image.Frames.Count - 1);
        }

        OutputMetadata.Clean(image);
        return quality is ImageQuality.Gray or ImageQuality.Bitonal
            ? PixelKinds.ToGray(image, _configuration)
            : PixelKinds.Normalize(image, _configuration);
    }

    private void ResizeMirrorRotateRightAngle(Image image, RenderPlan plan)
    {
        var resize = SizeOf(image) != plan.ScaledSize;
        var rotateMode = RightAngleMode(plan.Degrees);
        if (!resize && !plan.Mirror && rotateMode == RotateMode.None)
        {
            return;
        }

        image.Mutate(_configuration, c =>
        {
            if (resize)
            {
                c.Resize(new ResizeOptions
                {
                    Size = new Size(plan.ScaledSize.Width, plan.ScaledSize.Height),
                    Mode = ResizeMode.Stretch,
                    Sampler = _resampler,
                });
            }

            // https://iiif.io/api/image/3.0/#43-rotation: `!n` mirrors left-right first, then rotates. Flip and RotateMode move pixels without resampling.
            if (plan.Mirror)
            {
                c.Flip(FlipMode.Horizontal);
            }

            if (rotateMode != RotateMode.None)
            {
                c.Rotate(rotateMode);
            }
        });
    }

    private Image RotateArbitrary(Image image, RenderPlan plan)
    {
        // Area outside the rotated image must be fillable: transparent in formats with alpha, white after flattening.
        image = PixelKinds.WithAlpha(image, _configuration);
        var matrix = ArbitraryRotation.CenteredMatrix(plan.ScaledSize, plan.OutputSize, plan.Degrees);
        var source = new Rectangle(0, 0, image.Width, image.Height);
        var target = new Size(plan.OutputSize.Width, plan.OutputSize.Height);
        image.Mutate(_configuration, c => c.Transform(source, matrix, target, _resampler));
        return image;
    }

    private Image FlattenOntoWhite(Image image)
    {
        image.Mutate(_configuration, c => c.BackgroundColor(Color.White));
        return PixelKinds.WithoutAlpha(image, _configuration);
    }

    private static void EnsureOutputSize(Image image, RenderPlan plan)
    {
        if (SizeOf(image) != plan.OutputSize)
        {
            throw new InvalidOperationException(
                $"The transform produced {SizeOf(image)} but the plan promises {plan.OutputSize} (scaled {plan.ScaledSize}, {plan.Degrees} degrees).");
        }
    }

    private static bool IsRightAngle(decimal degrees) => degrees % 90m == 0m;

    private static RotateMode RightAngleMode(decimal degrees) => IsRightAngle(degrees)
        ? (int)(degrees % 360m) switch
        {
            90 => RotateMode.Rotate90,
            180 => RotateMode.Rotate180,
            270 => RotateMode.Rotate270,
            _ => RotateMode.None,
        }
        : RotateMode.None;

    private static PixelSize SizeOf(Image image) => new(image.Width, image.Height);
}
