using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Collects validation failures of one section as "section.key: message", the form every configuration
/// error takes, so an operator can find the line to fix.</summary>
internal sealed class ConfigurationFailures(string sectionName)
{
    private readonly List<string> _failures = [];

    public void Add(string key, string message) => _failures.Add($"{sectionName}.{key}: {message}");

    public void AddIf(bool failed, string key, string message)
    {
        if (failed)
        {
            Add(key, message);
        }
    }

    public ValidateOptionsResult ToResult() =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
