using System.Reflection;

namespace Signups.AppHost;

/// <summary>
/// The entry assembly of each service in this build's configuration, from the <c>Projects.*</c> types: for the tests
/// and benchmarks that start one service on its own (start-up checks, the load generator, raw throughput).
/// </summary>
internal static class ServiceAssemblies
{
    private static readonly string Configuration =
        typeof(ServiceAssemblies).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Producer => Of(new Projects.Signups_Producer().ProjectPath);

    public static string StreamWorker => Of(new Projects.Signups_StreamWorker().ProjectPath);

    public static string BatchWorker => Of(new Projects.Signups_BatchWorker().ProjectPath);

    public static string DevBroker => Of(new Signups.Hosting.Kafka.DevBrokerProject().ProjectPath);

    public static string AppHost => Of(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(new Projects.Signups_Producer().ProjectPath))!, "AppHost", "Signups.AppHost.csproj"));

    private static string Of(string projectPath) =>
        Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(projectPath) + ".dll");
}
