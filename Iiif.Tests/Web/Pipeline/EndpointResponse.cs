using Iiif.Web.Logging;
using Microsoft.Extensions.Primitives;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>What <see cref="EndpointHarness"/> got back: status, headers, body and the request-log labels the endpoint set.</summary>
internal sealed record EndpointResponse(int Status, IReadOnlyDictionary<string, StringValues> Headers, byte[] Body, RequestLogFeature Log)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
