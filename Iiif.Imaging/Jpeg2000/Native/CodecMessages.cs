using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary>Collects one codec's error, warning and info messages for the exception a failure turns into.</summary>
/// <remarks>Each severity has its own budget so that thousands of warnings from a damaged file (non-strict decoding
/// emits one per packet) can neither crowd out the error that explains the failure nor grow without bound.
/// Totals stay within 50 messages and 2000 characters.</remarks>
internal sealed class CodecMessages
{
    private const int MaxMessageLength = 300;

    private static readonly (string Prefix, int MaxCount, int MaxChars)[] Budgets =
    [
        ("error: ", 20, 1000),
        ("warning: ", 20, 700),
        ("info: ", 10, 300),
    ];

    private readonly Lock _lock = new();
    private readonly List<string> _messages = [];
    private readonly int[] _counts = new int[3];
    private readonly int[] _chars = new int[3];
    private int _dropped;

    /// <summary>The kept messages in arrival order, each prefixed with its severity.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            var copy = new List<string>(_messages);
            if (_dropped > 0)
            {
                copy.Add(FormattableString.Invariant($"({_dropped} more messages dropped)"));
            }

            return copy;
        }
    }

    /// <summary>The first error message, or null.</summary>
    public string? FirstError
    {
        get
        {
            lock (_lock)
            {
                return _messages.FirstOrDefault(m => m.StartsWith(Budgets[0].Prefix, StringComparison.Ordinal))?[Budgets[0].Prefix.Length..];
            }
        }
    }

    /// <summary>Installs the three handlers on <paramref name="codec"/>, with <paramref name="self"/> (a GCHandle to this
    /// collector, owned by the codec handle) as user data.</summary>
    public static unsafe void Install(OpjCodecHandle codec, nint self)
    {
        NativeMethods.SetErrorHandler(codec, &OnError, self);
        NativeMethods.SetWarningHandler(codec, &OnWarning, self);
        NativeMethods.SetInfoHandler(codec, &OnInfo, self);
    }

    /// <summary>True when a message of <paramref name="severity"/> could still be kept; counts it as dropped otherwise,
    /// so the native callback need not build a string for a message that would be discarded.</summary>
    public bool HasRoom(int severity)
    {
        lock (_lock)
        {
            var (_, maxCount, maxChars) = Budgets[severity];
            if (_counts[severity] < maxCount && _chars[severity] < maxChars)
            {
                return true;
            }

            _dropped++;
            return false;
        }
    }

    /// <summary>Adds a message at severity 0 (error), 1 (warning) or 2 (info), if its budget allows.</summary>
    public void Add(int severity, string text)
    {
        text = text.TrimEnd('\n', '\r', ' ');
        if (text.Length > MaxMessageLength)
        {
            text = text[..MaxMessageLength];
        }

        var (prefix, maxCount, maxChars) = Budgets[severity];
        lock (_lock)
        {
            if (_counts[severity] >= maxCount || _chars[severity] + text.Length > maxChars)
            {
                _dropped++;
                return;
            }

            _counts[severity]++;
            _chars[severity] += text.Length;
            _messages.Add(prefix + text);
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnError(sbyte* message, void* user) => Deliver(0, message, user);

    [UnmanagedCallersOnly]
    private static unsafe void OnWarning(sbyte* message, void* user) => Deliver(1, message, user);

    [UnmanagedCallersOnly]
    private static unsafe void OnInfo(sbyte* message, void* user) => Deliver(2, message, user);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Deliver(int severity, sbyte* message, void* user)
    {
        // An exception must never cross back into C.
        try
        {
            if (message != null && GCHandle.FromIntPtr((nint)user).Target is CodecMessages messages && messages.HasRoom(severity))
            {
                messages.Add(severity, Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
            }
        }
        catch (Exception)
        {
            // Losing a diagnostic message is better than crashing the process.
        }
    }
}
