using Iiif.Web;

return await HostingExtensions.RunIiifAsync(args).ConfigureAwait(false);

/// <summary>Entry point, public so integration tests can start the real host.</summary>
public partial class Program;
