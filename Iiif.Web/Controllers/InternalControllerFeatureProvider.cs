using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Iiif.Web.Controllers;

/// <summary>Lets MVC find this project's internal controllers, so they can take the project's internal handlers in
/// their constructors (the stock provider only sees public types).</summary>
internal sealed class InternalControllerFeatureProvider : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return base.IsController(typeInfo)
            || (typeInfo.Assembly == typeof(InternalControllerFeatureProvider).Assembly && typeInfo.IsClass && !typeInfo.IsAbstract
                && !typeInfo.ContainsGenericParameters && typeof(ControllerBase).IsAssignableFrom(typeInfo)
                && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal));
    }
}
