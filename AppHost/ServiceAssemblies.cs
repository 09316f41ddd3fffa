using System.Reflection;

namespace Signups.AppHost;

/// <summary>The entry assembly of each service, recorded by the build (see Signups.AppHost.csproj), as Aspire's <c>Projects.*</c>.</summary>
public static class ServiceAssemblies
{
    public static string DevBroker => Find(nameof(DevBroker));

    public static string Producer => Find(nameof(Producer));

    public static string StreamWorker => Find(nameof(StreamWorker));

    public static string BatchWorker => Find(nameof(BatchWorker));

    private static string Find(string service)
    {
        var path = typeof(ServiceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == $"Signups.Service.{service}")?.Value;
        return path is not null && File.Exists(path)
            ? path
            : throw new Hosting.AppHostException($"The {service} build output ({path ?? "not recorded"}) is missing; build the solution first (dotnet build Signups.sln).");
    }
}
