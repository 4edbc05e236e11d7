namespace Iiif.Web.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>.
/// <see cref="ErrorIsTerminal"/> chooses between a redrawn progress bar and plain progress lines.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected) { In = Console.In };

    /// <summary>Where a command reads what it is given on standard input (hash-password's password).</summary>
    public TextReader In { get; init; } = TextReader.Null;
}
