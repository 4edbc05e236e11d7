namespace Iiif.Tests.Imaging;

/// <summary>ICC profile bytes built in code (no binary test files): a header-only profile that ImageSharp accepts.</summary>
internal static class TestIccProfiles
{
    /// <summary>A 132-byte version 4.3 display profile for RGB data with no tags.</summary>
    public static byte[] MinimalRgb()
    {
        var bytes = new byte[132];
        bytes[3] = 132;                 // profile size, big-endian
        bytes[8] = 4;                   // version 4.3
        bytes[9] = 0x30;
        Put(bytes, 12, "mntr");         // device class: display
        Put(bytes, 16, "RGB ");         // data colour space
        Put(bytes, 20, "XYZ ");         // profile connection space
        Put(bytes, 36, "acsp");         // file signature
        bytes[70] = 0xF6;               // D50 illuminant X, Y, Z (s15Fixed16)
        bytes[71] = 0xD6;
        bytes[74] = 0x01;
        bytes[78] = 0xD3;
        bytes[79] = 0x2D;
        return bytes;
    }

    private static void Put(byte[] bytes, int offset, string ascii)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            bytes[offset + i] = (byte)ascii[i];
        }
    }
}
