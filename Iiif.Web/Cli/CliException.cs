namespace Iiif.Web.Cli;

/// <summary>A mistake the user can fix (bad arguments, missing or unreadable input, unwritable output): reported as one
/// line on standard error with exit code <see cref="CliCommands.UserErrorExitCode"/>, never as a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}
