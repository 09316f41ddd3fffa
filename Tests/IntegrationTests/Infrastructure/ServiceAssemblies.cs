namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// The entry assemblies of the services, for tests that start one on its own (start-up checks, the load generator):
/// each project's build output in the configuration these tests were built in, found from the AppHost's <c>Projects.*</c>.
/// </summary>
internal static class ServiceAssemblies
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Producer => Of(new Projects.Signups_Producer().ProjectPath);

    public static string StreamWorker => Of(new Projects.Signups_StreamWorker().ProjectPath);

    public static string BatchWorker => Of(new Projects.Signups_BatchWorker().ProjectPath);

    public static string DevBroker => Of(new Signups.Hosting.Kafka.DevBrokerProject().ProjectPath);

    public static string AppHost => Of(Projects.Signups_AppHost.ProjectPath);

    private static string Of(string projectPath) =>
        Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(projectPath) + ".dll");
}
