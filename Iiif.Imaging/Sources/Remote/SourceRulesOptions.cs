using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Settings of the <c>sources</c> section: rules that send identifiers to other sources than the image folder,
/// and the byte-range cache of the remote ones.</summary>
public sealed class SourceRulesOptions
{
    /// <summary>Rules evaluated in order; the first that matches an identifier chooses its source. An identifier no rule
    /// matches is served from the image folder (<c>images</c>). Empty by default.</summary>
    public IList<SourceRuleOptions> Rules { get; set; } = [];

    /// <summary>The byte-range cache shared by every remote source.</summary>
    public RangeCacheOptions RangeCache { get; set; } = new();
}

/// <summary>One rule: which identifiers (a prefix or a regular expression) and the source that serves them.</summary>
public sealed class SourceRuleOptions
{
    /// <summary>A name for logs and metrics (never a credential). Required and unique.</summary>
    [Required(ErrorMessage = "must name the rule")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Identifiers starting with this text match; <c>{path}</c> in a template is the rest of the identifier.</summary>
    public string? Prefix { get; set; }

    /// <summary>Identifiers this .NET regular expression matches (anchor it with ^ and $); its groups can be used in a
    /// template as <c>{1}</c> or <c>{name}</c>, and <c>{path}</c> is the whole identifier.</summary>
    public string? Regex { get; set; }

    /// <summary><c>filesystem</c>, <c>http</c> or <c>s3</c>.</summary>
    [Required(ErrorMessage = "must be filesystem, http or s3")]
    public string Type { get; set; } = string.Empty;

    /// <summary>For <c>filesystem</c>: the folder and its resolver, as in the <c>images</c> section.</summary>
    public FileSystemSourceOptions? Filesystem { get; set; }

    /// <summary>For <c>http</c>: where the images are and how to ask for them.</summary>
    public HttpSourceOptions? Http { get; set; }

    /// <summary>For <c>s3</c>: the bucket, key template and endpoint.</summary>
    public S3SourceOptions? S3 { get; set; }

    /// <summary>Seconds one request to the upstream may take, retries included, before the client gets 504. Default 10.</summary>
    [Range(1, 600, ErrorMessage = "must be between {1} and {2}")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of a failed read (connection errors, 5xx, 408, 429), with exponential backoff. Default 2.</summary>
    [Range(0, 10, ErrorMessage = "must be between {1} and {2}")]
    public int Retries { get; set; } = 2;

    /// <summary>Connections kept open to the upstream at most. Default 32.</summary>
    [Range(1, 1024, ErrorMessage = "must be between {1} and {2}")]
    public int MaxConnections { get; set; } = 32;

    /// <summary>Seconds a version (ETag, length) read from the upstream is trusted before it is asked again; a read that
    /// meets another version fails and refreshes it at once. Default 10.</summary>
    [Range(0, 86_400, ErrorMessage = "must be between {1} and {2}")]
    public int VersionCheckSeconds { get; set; } = 10;
}

/// <summary>An HTTP(S) repository that answers Range requests.</summary>
public sealed class HttpSourceOptions
{
    /// <summary>The image's URL: <c>{path}</c>, <c>{identifier}</c> and the regex's groups are replaced by their values,
    /// each path segment percent-encoded (slashes kept). Required.</summary>
    public string UrlTemplate { get; set; } = string.Empty;

    /// <summary>Headers sent with every request (e.g. an API key). Their values are masked wherever the configuration
    /// is shown.</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Basic authentication user name; empty for none.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Basic authentication password (masked wherever the configuration is shown).</summary>
    public string Password { get; set; } = string.Empty;
}

/// <summary>An S3 bucket (AWS, MinIO, Ceph and other S3-compatible stores).</summary>
public sealed class S3SourceOptions
{
    /// <summary>The bucket. Required.</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>The object key: <c>{path}</c>, <c>{identifier}</c> and the regex's groups are replaced by their values.
    /// Default <c>{path}</c>.</summary>
    public string KeyTemplate { get; set; } = "{path}";

    /// <summary>The AWS region (e.g. <c>eu-west-1</c>); empty takes it from the environment. Default empty.</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>The endpoint of an S3-compatible store (e.g. <c>http://minio:9000</c>); empty for AWS.</summary>
    public string EndpointUrl { get; set; } = string.Empty;

    /// <summary>Path-style addressing (http://host/bucket/key), which MinIO and Ceph usually need. Default false.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>An access key id; empty uses the standard AWS credential chain (environment, profile, instance role).</summary>
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>The secret key of <see cref="AccessKey"/> (masked wherever the configuration is shown).</summary>
    public string SecretKey { get; set; } = string.Empty;
}

/// <summary>The byte-range cache of remote sources: blocks of their bytes, keyed by source version.</summary>
public sealed class RangeCacheOptions
{
    /// <summary>Block size in KiB: every upstream read is whole blocks. Default 32.</summary>
    [Range(4, 4096, ErrorMessage = "must be between {1} and {2}")]
    public int BlockKilobytes { get; set; } = 32;

    /// <summary>Memory the blocks may use, in MB; empty takes the memory budget's share for remote sources.</summary>
    [Range(1, 1_048_576, ErrorMessage = "must be between {1} and {2}")]
    public int? MemoryMegabytes { get; set; }

    /// <summary>Largest source, in MB, read whole when its format cannot be read in ranges (PNG, GIF, baseline JPEG,
    /// JPEG 2000 without tile-part index). Default 256.</summary>
    [Range(1, 65_536, ErrorMessage = "must be between {1} and {2}")]
    public int MaxWholeSourceMegabytes { get; set; } = 256;
}
