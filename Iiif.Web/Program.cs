using Iiif.Web.Cli;

// No command starts the server; "convert", "samples", "warm", "clean" and "help" are command-line tools.
return await CliCommands.RunAsync(args, CliConsole.System).ConfigureAwait(false);

/// <summary>Entry point, public so integration tests can start the real host.</summary>
public partial class Program;
