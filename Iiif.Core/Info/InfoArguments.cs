using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Guards the builders' inputs: a document that breaks a MUST of the spec is refused rather than served.</summary>
internal static class InfoArguments
{
    public static void Validate(ImageInfo info, InfoOptions options, ApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(info.Width, nameof(info));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(info.Height, nameof(info));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DefaultTileSize, nameof(options));
        ValidateBaseUri(options.BaseUri);
        ValidateLimits(options.Limits, version);
        if (version == ApiVersion.V3 && options.V3.Rights is string rights && !Uri.TryCreate(rights, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"3.0 rights must be one absolute URI, not '{rights}'.", nameof(options));
        }
    }

    // https://iiif.io/api/image/3.0/#2-uri-syntax, https://iiif.io/api/image/3.0/#52-technical-properties: the id is the base URI, no trailing slash, scheme and server included.
    private static void ValidateBaseUri(string baseUri)
    {
        if (string.IsNullOrWhiteSpace(baseUri) || baseUri.EndsWith('/') || !Uri.TryCreate(baseUri, UriKind.Absolute, out _))
        {
            throw new ArgumentException(
                $"The base URI must be absolute and end with the encoded identifier, not a slash: '{baseUri}'.", nameof(baseUri));
        }
    }

    private static void ValidateLimits(ServerLimits limits, ApiVersion version)
    {
        if (limits.MaxWidth is int maxWidth)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth, nameof(limits));
        }

        if (limits.MaxArea is long maxArea)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxArea, nameof(limits));
        }

        // https://iiif.io/api/image/2.1/#52-technical-properties (2.1) and https://iiif.io/api/image/3.0/#42-size (3.0): maxWidth is required when maxHeight is present; a height-only limit cannot be declared.
        if (limits.MaxHeight is int maxHeight)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight, nameof(limits));
            if (limits.MaxWidth is null)
            {
                throw new ArgumentException("MaxHeight needs MaxWidth: info.json cannot declare maxHeight alone.", nameof(limits));
            }
        }

        // https://iiif.io/api/image/3.0/#42-size: a 3.0 server offering sizeUpscaling MUST declare maxWidth or maxArea.
        if (version == ApiVersion.V3 && limits.AllowUpscaling && limits.MaxWidth is null && limits.MaxArea is null)
        {
            throw new ArgumentException("Upscaling under 3.0 requires MaxWidth or MaxArea.", nameof(limits));
        }
    }
}
