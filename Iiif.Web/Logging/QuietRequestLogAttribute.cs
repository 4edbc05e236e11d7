namespace Iiif.Web.Logging;

/// <summary>Endpoint metadata: successful requests are logged at Debug instead of Information, so that health
/// probes every few seconds do not bury the traffic that matters.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class QuietRequestLogAttribute : Attribute;
