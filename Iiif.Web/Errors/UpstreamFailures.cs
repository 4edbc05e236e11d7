using System.Text;
using Iiif.Core.Errors;
using Iiif.Imaging.Sources;

namespace Iiif.Web.Errors;

/// <summary>The answer to a remote source's failure: the status (https://www.rfc-editor.org/rfc/rfc9110#section-15.6 for
/// 502 and 504) and a short reason without the upstream's address or credentials.</summary>
internal static class UpstreamFailures
{
    private static readonly Dictionary<SourceFailure, byte[]> Reasons = new()
    {
        [SourceFailure.NotFound] = Encoding.UTF8.GetBytes("No image has this identifier.\n"),
        [SourceFailure.Forbidden] = Encoding.UTF8.GetBytes("The image's storage refused this server access.\n"),
        [SourceFailure.Timeout] = Encoding.UTF8.GetBytes("The image's storage did not answer in time.\n"),
        [SourceFailure.Upstream] = Encoding.UTF8.GetBytes("The image's storage failed.\n"),
        [SourceFailure.Truncated] = Encoding.UTF8.GetBytes("The image's storage sent an incomplete answer.\n"),
        [SourceFailure.Changed] = Encoding.UTF8.GetBytes("The image changed while it was read; try again.\n"),
    };

    public static IiifErrorKind KindOf(SourceFailure failure) => failure switch
    {
        SourceFailure.NotFound => IiifErrorKind.NotFound,
        SourceFailure.Forbidden => IiifErrorKind.Forbidden,
        SourceFailure.Timeout => IiifErrorKind.GatewayTimeout,
        _ => IiifErrorKind.BadGateway,
    };

    public static int StatusOf(SourceFailure failure) => IiifErrorStatus.StatusCode(KindOf(failure));

    public static byte[] ReasonOf(SourceFailure failure) => Reasons[failure];
}
