using Iiif.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Iiif.Web.Auth;

/// <summary>The accounts of login policies, from auth.accountsFile: a YAML map of user name to a salted password hash
/// (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, made by <c>iiif hash-password</c>) and groups. The file
/// is read again when it changes, so accounts are added without a restart.</summary>
internal sealed class AccountStore(IOptions<AuthOptions> options, ILogger<AccountStore> logger, LayeredConfiguration? configuration = null)
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly string? _path = PathOf(options.Value, configuration);
    private readonly Lock _lock = new();
    private (DateTime Written, long Length, IReadOnlyDictionary<string, Account> Accounts) _loaded = (default, -1, new Dictionary<string, Account>());

    /// <summary>The accounts file's full path (relative paths are relative to the config folder), or null when unset.</summary>
    public static string? PathOf(AuthOptions options, LayeredConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AccountsFile.Length == 0)
        {
            return null;
        }

        var folder = configuration?.Location.ConfigDirectory ?? AppContext.BaseDirectory;
        return Path.GetFullPath(options.AccountsFile, folder);
    }

    /// <summary>Makes the hash stored in the accounts file.</summary>
    public static string Hash(string password) => Hasher.HashPassword(string.Empty, password);

    /// <summary>The account when <paramref name="user"/> exists and <paramref name="password"/> is its password, else null.
    /// Unknown users cost a hash check too, so timing does not tell which names exist.</summary>
    public Account? Verify(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        var account = Accounts().GetValueOrDefault(user);
        var hash = account?.Password ?? DummyHash.Value;
        var result = PasswordVerificationResult.Failed;
        try
        {
            result = Hasher.VerifyHashedPassword(string.Empty, hash, password);
        }
        catch (FormatException)
        {
            Log.AccountHashInvalid(logger, user);
        }

        return account is not null && result != PasswordVerificationResult.Failed ? account : null;
    }

    private static readonly Lazy<string> DummyHash = new(() => Hash(Guid.NewGuid().ToString()));

    private IReadOnlyDictionary<string, Account> Accounts()
    {
        if (_path is null)
        {
            return _loaded.Accounts;
        }

        var file = new FileInfo(_path);
        lock (_lock)
        {
            if (!file.Exists || (file.LastWriteTimeUtc == _loaded.Written && file.Length == _loaded.Length))
            {
                return _loaded.Accounts;
            }

            try
            {
                _loaded = (file.LastWriteTimeUtc, file.Length, Parse(File.ReadAllText(_path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException)
            {
                // The last good accounts stay in force; a half-written file is read again when it changes.
                Log.AccountsUnreadable(logger, _path, e.Message);
            }

            return _loaded.Accounts;
        }
    }

    internal static IReadOnlyDictionary<string, Account> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var entries = deserializer.Deserialize<Dictionary<string, AccountEntry?>?>(yaml) ?? [];
        return entries.Where(e => e.Value?.Password is { Length: > 0 })
            .ToDictionary(e => e.Key, e => new Account(e.Key, e.Value!.Password!, e.Value.Groups ?? []), StringComparer.Ordinal);
    }

    private sealed class AccountEntry
    {
        public string? Password { get; set; }

        public List<string>? Groups { get; set; }
    }
}

/// <summary>One user of the accounts file.</summary>
internal sealed record Account(string Name, string Password, IReadOnlyList<string> Groups);
