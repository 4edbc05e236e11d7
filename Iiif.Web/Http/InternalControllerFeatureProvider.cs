using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Iiif.Web.Http;

/// <summary>Lets MVC find this assembly's <c>internal sealed</c> controllers (implementations stay
/// internal so the public surface is interfaces and options); the default provider only accepts public types. Whatever the default accepts is still accepted.</summary>
internal sealed class InternalControllerFeatureProvider : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return base.IsController(typeInfo)
            || (typeInfo.Assembly == typeof(InternalControllerFeatureProvider).Assembly
                && typeInfo is { IsClass: true, IsAbstract: false, IsPublic: false, IsNested: false, ContainsGenericParameters: false }
                && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal)
                && typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(typeInfo));
    }
}
