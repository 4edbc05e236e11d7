namespace Iiif.Imaging.Jpeg2000;

/// <summary>Packet progression orders (ISO 15444-1 Table A.16); the values are OpenJPEG's OPJ_PROG_ORDER.</summary>
public enum Jpeg2000ProgressionOrder
{
    /// <summary>Layer, resolution, component, position.</summary>
    Lrcp = 0,

    /// <summary>Resolution, layer, component, position.</summary>
    Rlcp = 1,

    /// <summary>Resolution, position, component, layer: the usual choice for tiled, zoomable images.</summary>
    Rpcl = 2,

    /// <summary>Position, component, resolution, layer.</summary>
    Pcrl = 3,

    /// <summary>Component, position, resolution, layer.</summary>
    Cprl = 4,
}
