using Iiif.Web.Auth;
using Iiif.Web.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Cli;

/// <summary><c>iiif hash-password</c>: the printed hash is what an account in auth.accountsFile stores, salted (two
/// runs differ) and accepted by the login for that password only.</summary>
[TestFixture]
public class HashPasswordCommandTests
{
    [Test]
    public async Task Hash_FromStandardInput_VerifiesForThatPasswordOnly()
    {
        var (exit, first, _) = await RunAsync("s3cret pass\n");
        var (_, second, _) = await RunAsync("s3cret pass\n");
        var folder = CliRunner.NewFolder();
        try
        {
            var accounts = Path.Combine(folder, "accounts.yml");
            await File.WriteAllTextAsync(accounts, $"alice:\n  password: \"{first.Trim()}\"\n  groups: [staff]\n");
            var store = new AccountStore(Options.Create(new AuthOptions { AccountsFile = accounts }), NullLogger<AccountStore>.Instance);

            Assert.That(exit, Is.Zero);
            Assert.That(first, Is.Not.EqualTo(second), "salted");
            Assert.That(store.Verify("alice", "s3cret pass")?.Groups, Is.EqualTo(new[] { "staff" }));
            Assert.That(store.Verify("alice", "s3cret"), Is.Null);
            Assert.That(store.Verify("nobody", "s3cret pass"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task NoPassword_UserError()
    {
        var (exit, _, error) = await RunAsync(string.Empty);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.StartWith("iiif hash-password: no password on standard input"));
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, ErrorIsTerminal: false) { In = new StringReader(input) };
        var exit = await CliCommands.RunAsync(["hash-password"], console);
        return (exit, output.ToString(), error.ToString());
    }
}
