using System.Text.Json.Nodes;
using Iiif.Core.Planning;

namespace Iiif.Core.Info;

/// <summary>Writes <c>maxWidth</c>, <c>maxHeight</c> and <c>maxArea</c> (2.1: in the profile object; 3.0: top level).</summary>
internal static class InfoLimits
{
    // maxHeight is written only when configured; absent, it equals maxWidth in both versions, which is exactly
    // ServerLimits.EffectiveMaxHeight. InfoArguments has already refused maxHeight without maxWidth.
    public static void Add(JsonObject target, ServerLimits limits)
    {
        if (limits.MaxWidth is int maxWidth)
        {
            target["maxWidth"] = maxWidth;
        }

        if (limits.MaxHeight is int maxHeight)
        {
            target["maxHeight"] = maxHeight;
        }

        if (limits.MaxArea is long maxArea)
        {
            target["maxArea"] = maxArea;
        }
    }
}
