namespace Iiif.Caching.Derivatives;

/// <summary>What a render callback of <see cref="IDerivativeCache.GetOrRenderAsync"/> did.</summary>
public enum RenderOutcome
{
    /// <summary>The encoded image was written to the stream: it is stored and served.</summary>
    Written,

    /// <summary>The host chose not to render now (e.g. too busy): nothing is stored, and every caller waiting on this
    /// render gets null, so the decision travels as a value rather than an exception.</summary>
    Declined,
}
