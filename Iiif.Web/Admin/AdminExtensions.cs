using Iiif.Web.Health;
using Iiif.Web.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace Iiif.Web.Admin;

/// <summary>Registers and maps the admin endpoints (/admin/...), their Swagger UI (/admin/swagger) and the public
/// /health check. See <see cref="AdminAccess"/> for the protection.</summary>
internal static class AdminExtensions
{
    private const string SecuritySchemeName = "apiKey";

    public static IServiceCollection AddIiifAdmin(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.TryAddSingleton<HealthProbe>();
        services.TryAddSingleton<ReadinessCheck>();
        services.AddHostedService<CacheStartupCheck>();
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<AdminAccessFilter>();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(AdminApi.GroupName, new OpenApiInfo
            {
                Title = "IIIF server administration",
                Version = "v1",
                Description = "Operator endpoints. Each call needs the X-Api-Key header (admin.apiKey) and a client "
                    + "address in admin.allowedIps. The IIIF Image API itself is documented by its specification.",
            });
            // Only the admin group: IIIF and viewer endpoints have no group name and stay out of this document.
            swagger.DocInclusionPredicate((document, api) => string.Equals(api.GroupName, document, StringComparison.Ordinal));
            swagger.AddSecurityDefinition(SecuritySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminApi.ApiKeyHeader,
                Description = "The value of admin.apiKey.",
            });
            swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [],
            });
            var comments = Path.Combine(AppContext.BaseDirectory, typeof(AdminExtensions).Assembly.GetName().Name + ".xml");
            if (File.Exists(comments))
            {
                swagger.IncludeXmlComments(comments);
            }
        });
        return services;
    }

    public static WebApplication MapIiifAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapIiifHealth();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/" + AdminApi.SwaggerPrefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<AdminSwaggerGuardMiddleware>());
        // Only below /admin: Swagger's middleware would otherwise look at every tile request.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase),
            branch =>
            {
                branch.UseSwagger(options => options.RouteTemplate = AdminApi.SwaggerPrefix + "/{documentName}/swagger.json");
                branch.UseSwaggerUI(options =>
                {
                    options.RoutePrefix = AdminApi.SwaggerPrefix;
                    // Relative to the UI page, so it also works below a path base.
                    options.SwaggerEndpoint(AdminApi.GroupName + "/swagger.json", "Administration");
                    options.DocumentTitle = "IIIF server administration";
                });
            });
        app.MapControllers();
        return app;
    }
}
