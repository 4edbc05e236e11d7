namespace Iiif.Web.Metrics;

/// <summary>Endpoint metadata naming the metrics endpoint, for <see cref="MetricsAccessMiddleware"/>.</summary>
internal sealed class MetricsEndpointMarker;
