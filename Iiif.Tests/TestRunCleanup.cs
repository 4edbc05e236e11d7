using Iiif.Tests.Deploy;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests;

/// <summary>Removes what the run left in the temporary folder (the generated JPEG 2000 test images, the deployment
/// tests' installed server).</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteGeneratedImages()
    {
        TestImageFactory.DeleteFolder();
        DeployEnvironment.Cleanup();
    }
}
