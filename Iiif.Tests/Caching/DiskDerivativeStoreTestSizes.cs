using Iiif.Caching.Derivatives.Disk;

namespace Iiif.Tests.Caching;

internal static class DiskDerivativeStoreTestSizes
{
    public const long OverFullRead = DiskDerivativeStore.FullReadMaxBytes + 1;
}
