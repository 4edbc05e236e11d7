using System.Runtime.InteropServices;

namespace Iiif.Tests.TestUtilities;

/// <summary>Points the process's file descriptor 2 at a temporary file while alive, so a test can prove that native code
/// (libtiff) printed nothing. Only for non-parallel fixtures: everything the process writes to stderr meanwhile lands
/// in the file.</summary>
internal sealed class NativeStderrCapture : IDisposable
{
    private const int StandardError = 2;
    private const int WriteOnlyCreateTruncate = 0x1 | 0x40 | 0x200;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"iiif-stderr-{Guid.NewGuid():N}.txt");
    private readonly int _saved;
    private bool _restored;

    public NativeStderrCapture()
    {
        _saved = Dup(StandardError);
        var file = Open(_path, WriteOnlyCreateTruncate, 0x180);
        if (_saved < 0 || file < 0 || Dup2(file, StandardError) < 0)
        {
            throw new InvalidOperationException("Could not redirect file descriptor 2.");
        }

        _ = Close(file);
    }

    /// <summary>Restores stderr and returns what was written meanwhile.</summary>
    public string Finish()
    {
        Restore();
        var text = File.ReadAllText(_path);
        File.Delete(_path);
        return text;
    }

    public void Dispose()
    {
        Restore();
        File.Delete(_path);
    }

    private void Restore()
    {
        if (!_restored)
        {
            _restored = true;
            _ = Dup2(_saved, StandardError);
            _ = Close(_saved);
        }
    }

    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int descriptor);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int descriptor, int target);

    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
