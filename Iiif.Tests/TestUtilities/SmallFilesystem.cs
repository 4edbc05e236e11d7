using System.Diagnostics;
using System.Globalization;

namespace Iiif.Tests.TestUtilities;

/// <summary>A real filesystem of a few megabytes (tmpfs), mounted on a temporary folder for one test: what a full cache
/// disk or a read-only one looks like to the server, root included. Mounting needs root (as CI runs); elsewhere the
/// test is ignored, saying why.</summary>
internal sealed class SmallFilesystem : IDisposable
{
    private SmallFilesystem(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>A writable tmpfs of <paramref name="kilobytes"/> KB.</summary>
    public static SmallFilesystem Mount(int kilobytes) => MountWith(string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k"));

    /// <summary>A read-only tmpfs: every write fails with EROFS, for root too (chmod would not stop root).</summary>
    public static SmallFilesystem MountReadOnly() => MountWith("ro,size=64k");

    /// <summary>Fills the filesystem until only about <paramref name="freeBytes"/> are left (one filler file).</summary>
    public void FillLeaving(long freeBytes)
    {
        var free = new DriveInfo(Path).AvailableFreeSpace;
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var chunk = new byte[4096];
        for (var written = 0L; written < free - freeBytes; written += chunk.Length)
        {
            filler.Write(chunk);
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still busy: the lazy unmount finishes when the last file closes; the temp folder is left for the system.
        }
    }

    private static SmallFilesystem MountWith(string options)
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            Assert.Ignore("Mounting a small tmpfs needs root (CI runs ./test.sh as root).");
        }

        var path = Directory.CreateTempSubdirectory("iiif-smallfs-").FullName;
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            Assert.Ignore($"mount -t tmpfs failed here ({output.Trim()}); a container without CAP_SYS_ADMIN cannot mount.");
        }

        return new SmallFilesystem(path);
    }

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
