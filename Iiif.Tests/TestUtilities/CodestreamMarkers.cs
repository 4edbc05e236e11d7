using System.Buffers.Binary;

namespace Iiif.Tests.TestUtilities;

/// <summary>Reads the marker segments of a JPEG 2000 codestream's main header and first tile-part header (ISO 15444-1
/// A.4), skipping entropy-coded data, where byte pairs that look like markers can occur.</summary>
internal sealed class CodestreamMarkers
{
    public const ushort Soc = 0xFF4F;
    public const ushort Siz = 0xFF51;
    public const ushort Cod = 0xFF52;
    public const ushort Tlm = 0xFF55;
    public const ushort Plt = 0xFF58;
    public const ushort Sot = 0xFF90;
    public const ushort Sod = 0xFF93;

    private CodestreamMarkers(List<(ushort Marker, byte[] Body)> main, List<(ushort Marker, byte[] Body)> firstTilePart)
    {
        MainHeader = main;
        FirstTilePartHeader = firstTilePart;
    }

    public IReadOnlyList<(ushort Marker, byte[] Body)> MainHeader { get; }

    public IReadOnlyList<(ushort Marker, byte[] Body)> FirstTilePartHeader { get; }

    /// <summary>Offset of the SOC marker in a JP2 file or raw codestream.</summary>
    public static int CodestreamStart(byte[] file)
    {
        for (var i = 0; i + 3 < file.Length; i++)
        {
            if (file[i] == 0xFF && file[i + 1] == 0x4F && file[i + 2] == 0xFF && file[i + 3] == 0x51)
            {
                return i;
            }
        }

        throw new InvalidDataException("No SOC/SIZ marker found.");
    }

    public static CodestreamMarkers Read(byte[] file)
    {
        var position = CodestreamStart(file) + 2;
        var main = ReadSegments(file, ref position, Sot);
        var tilePart = ReadSegments(file, ref position, Sod);
        return new CodestreamMarkers(main, tilePart);
    }

    /// <summary>The body (after the length field) of the first main-header segment with <paramref name="marker"/>.</summary>
    public byte[] Main(ushort marker) => MainHeader.First(s => s.Marker == marker).Body;

    private static List<(ushort, byte[])> ReadSegments(byte[] file, ref int position, ushort stopAt)
    {
        var segments = new List<(ushort, byte[])>();
        while (position + 4 <= file.Length)
        {
            var marker = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position));
            if (marker == stopAt)
            {
                return segments;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position + 2));
            segments.Add((marker, file.AsSpan(position + 4, length - 2).ToArray()));
            position += 2 + length;
        }

        throw new InvalidDataException("The header ends without the expected marker.");
    }
}
