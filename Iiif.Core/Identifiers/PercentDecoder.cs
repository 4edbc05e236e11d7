using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Iiif.Core.Identifiers;

/// <summary>Strict percent-decoding of one raw path segment, done exactly once (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding). Every '%' must start an
/// escape of two hexadecimal digits, and the bytes must form valid UTF-8; anything else fails instead of being guessed at.
/// '+' stays a '+' (it means a space only in form data, not in paths).</summary>
internal static class PercentDecoder
{
    private const int StackLimit = 512;

    /// <summary>Decodes <paramref name="raw"/>; on failure <paramref name="reason"/> says why in a few words.</summary>
    public static bool TryDecode(string raw, out string decoded, out string reason)
    {
        reason = string.Empty;
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            decoded = raw;
            return true;
        }

        // Each UTF-16 char becomes at most 3 UTF-8 bytes; each escape (3 chars) becomes one byte.
        var capacity = raw.Length * 3;
        var rented = capacity > StackLimit ? ArrayPool<byte>.Shared.Rent(capacity) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[StackLimit] : rented.AsSpan();
            if (!TryUnescape(raw, bytes, out var length, out reason))
            {
                decoded = string.Empty;
                return false;
            }

            return TryToUtf16(bytes[..length], out decoded, out reason);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryUnescape(string raw, Span<byte> bytes, out int length, out string reason)
    {
        length = 0;
        reason = string.Empty;
        for (var i = 0; i < raw.Length;)
        {
            if (raw[i] == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                {
                    reason = "every '%' must be followed by two hexadecimal digits";
                    return false;
                }

                bytes[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 3;
                continue;
            }

            if (Rune.DecodeFromUtf16(raw.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                reason = "it is not valid Unicode text";
                return false;
            }

            length += rune.EncodeToUtf8(bytes[length..]);
            i += used;
        }

        return true;
    }

    private static bool TryToUtf16(ReadOnlySpan<byte> bytes, out string decoded, out string reason)
    {
        decoded = string.Empty;
        reason = string.Empty;
        // UTF-8 never needs more UTF-16 chars than it has bytes.
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            reason = "its percent-escapes do not decode to valid UTF-8";
            return false;
        }

        decoded = new string(chars, 0, written);
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
