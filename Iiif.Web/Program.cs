using Iiif.Web;
using Iiif.Web.Cli;

// "convert", "samples", "warm" and "clean" are command-line tools; anything else starts the server.
if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(args, CliConsole.System).ConfigureAwait(false);
}

return await HostingExtensions.RunIiifAsync(args).ConfigureAwait(false);

/// <summary>Entry point, public so integration tests can start the real host.</summary>
public partial class Program;
