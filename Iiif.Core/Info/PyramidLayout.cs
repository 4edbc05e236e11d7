using Iiif.Core.Geometry;

namespace Iiif.Core.Info;

/// <summary>What info.json advertises about an image's resolutions: one tile size with its scale factors, and the preferred
/// full-image sizes. Computed by <see cref="TileCalculator.Layout"/>.</summary>
/// <param name="TileSize">The tile width and height (3.0 <c>tiles</c>; the height is written only when it differs).</param>
/// <param name="ScaleFactors">The tile scale factors, 1, 2, 4, ... ascending.</param>
/// <param name="Sizes">The <c>sizes</c> entries, smallest first, all within the limits; never empty.</param>
public sealed record PyramidLayout(PixelSize TileSize, IReadOnlyList<int> ScaleFactors, IReadOnlyList<PixelSize> Sizes);
