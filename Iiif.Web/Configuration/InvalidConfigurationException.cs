namespace Iiif.Web.Configuration;

/// <summary>The configuration cannot be used; each failure names its key, e.g. "limits.maxWidth: must be ...".</summary>
internal sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException(IReadOnlyList<string> failures)
        : base("Invalid configuration: " + string.Join("; ", failures))
    {
        Failures = failures;
    }

    public InvalidConfigurationException(string failure, Exception innerException)
        : base("Invalid configuration: " + failure, innerException)
    {
        Failures = [failure];
    }

    public IReadOnlyList<string> Failures { get; }
}
