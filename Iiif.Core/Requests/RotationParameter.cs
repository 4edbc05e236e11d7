namespace Iiif.Core.Requests;

/// <summary>A parsed rotation parameter: clockwise degrees in [0, 360], mirrored first when <paramref name="Mirror"/> is set.</summary>
public readonly record struct RotationParameter(decimal Degrees, bool Mirror)
{
    /// <summary>No rotation, no mirroring.</summary>
    public static RotationParameter None => new(0, false);
}
