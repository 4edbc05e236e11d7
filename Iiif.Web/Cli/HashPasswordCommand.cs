using System.CommandLine;
using Iiif.Web.Auth;

namespace Iiif.Web.Cli;

/// <summary><c>iiif hash-password</c>: reads a password from standard input (one line) and prints the salted hash
/// (ASP.NET Core Identity's PasswordHasher, PBKDF2) that an account in auth.accountsFile stores. The password never
/// appears on a command line, where other users of the host could read it.</summary>
internal static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public const string Details = """
        Reads one line (the password) from standard input and prints its hash, for auth.accountsFile:
          printf '%s' 'the password' | iiif hash-password
          alice:
            password: "<the printed hash>"
            groups: [staff]

        Exit codes: 0 done, 2 no password given.
        """;

    public static Command Create(CliConsole console)
    {
        var command = new Command(Name, "Print the hash of a password (read from standard input) for auth.accountsFile");
        command.SetAction(CliCommands.Guard(Name, console, async (_, cancellationToken) =>
        {
            var password = await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(password))
            {
                throw new CliException("no password on standard input (printf '%s' 'the password' | iiif hash-password)");
            }

            await console.Out.WriteLineAsync(AccountStore.Hash(password)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
