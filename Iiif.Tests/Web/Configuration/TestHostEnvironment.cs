using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Iiif.Tests.Web.Configuration;

/// <summary>An IHostEnvironment whose content root is a test folder, for option tests without a host.</summary>
internal sealed class TestHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "Iiif.Web";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
