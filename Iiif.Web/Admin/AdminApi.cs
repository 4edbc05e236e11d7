namespace Iiif.Web.Admin;

/// <summary>Names shared by the admin endpoints, their protection and their Swagger document.</summary>
internal static class AdminApi
{
    /// <summary>The ApiExplorer group and Swagger document of the admin endpoints; IIIF endpoints have no group.</summary>
    public const string GroupName = "admin";

    /// <summary>The request header carrying <c>admin.apiKey</c>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Where the Swagger UI and its JSON live.</summary>
    public const string SwaggerPrefix = "admin/swagger";

    /// <summary>Masked value shown instead of a secret.</summary>
    public const string Mask = "***";
}
