namespace Signups.AppHost.Hosting;

/// <summary>A resource being declared, as in Aspire: configured with <c>With*</c> and <c>WaitFor</c> calls.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceBuilder<out T>
{
    /// <summary>The resource.</summary>
    T Resource { get; }

    /// <summary>The builder the resource belongs to.</summary>
    DistributedApplicationBuilder ApplicationBuilder { get; }
}
