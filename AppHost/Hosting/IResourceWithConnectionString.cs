namespace Signups.AppHost.Hosting;

/// <summary>A resource that services reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString
{
    /// <summary>The connection name.</summary>
    string Name { get; }

    /// <summary>The connection string, once the resource has started.</summary>
    string? ConnectionString { get; }
}
