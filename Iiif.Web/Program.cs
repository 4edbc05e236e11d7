using Iiif.Web;
using Iiif.Web.Cli;

// "convert ..." and "samples ..." are command-line tools; anything else starts the server.
if (CliCommands.IsCommand(args))
{
    return CliCommands.Run(args, CliConsole.System);
}

return await HostingExtensions.RunIiifAsync(args).ConfigureAwait(false);

/// <summary>Entry point, public so integration tests can start the real host.</summary>
public partial class Program;
