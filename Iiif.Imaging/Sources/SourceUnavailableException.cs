namespace Iiif.Imaging.Sources;

/// <summary>A remote source failed; <see cref="Failure"/> says how and <see cref="Rule"/> names the source rule (for the
/// operator's log: never a credential, never a signed URL).</summary>
public sealed class SourceUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SourceUnavailableException(SourceFailure failure, string rule, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Rule = rule;
    }

    /// <summary>A parameterless constructor for serializers and analyzers.</summary>
    public SourceUnavailableException()
        : this(SourceFailure.Upstream, string.Empty, "The source is unavailable.")
    {
    }

    /// <summary>A message-only constructor (an upstream failure).</summary>
    public SourceUnavailableException(string message)
        : this(SourceFailure.Upstream, string.Empty, message)
    {
    }

    /// <summary>A message and cause (an upstream failure).</summary>
    public SourceUnavailableException(string message, Exception innerException)
        : this(SourceFailure.Upstream, string.Empty, message, innerException)
    {
    }

    /// <summary>How the source failed.</summary>
    public SourceFailure Failure { get; }

    /// <summary>The name of the source rule whose upstream failed.</summary>
    public string Rule { get; }
}
