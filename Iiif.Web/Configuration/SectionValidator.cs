using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Runs the data-annotation rules of an options class and its nested sections, naming each failure by its
/// configuration key (cache.info.ttl) rather than by the CLR member, as the stock ValidateDataAnnotations would, and
/// refusing enum values that name no member.</summary>
internal sealed class SectionValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Collect(options, sectionName, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.DefaultIfEmpty(string.Empty);
            failures.AddRange(members.Select(m => $"{Join(path, m)}: {result.ErrorMessage}"));
        }

        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (ConfigurationRules.IsSection(property.PropertyType) && property.GetValue(instance) is { } nested)
            {
                Collect(nested, Join(path, property.Name), failures);
            }
            else if (property.GetValue(instance) is Enum value && !Enum.IsDefined(value.GetType(), value))
            {
                // The binder takes a number for an enum without checking it names a member.
                failures.Add($"{Join(path, property.Name)}: {ConfigurationRules.EnumMessage(property.PropertyType)}");
            }
        }
    }

    private static string Join(string path, string member) =>
        member.Length == 0 ? path : path + "." + ConfigurationRules.CamelCase(member);
}
