using System.Reflection;
using Aspire.Hosting;

namespace Signups.Hosting.Kafka;

/// <summary>
/// The DevBroker project, for DCP to run it like any <c>Projects.*</c> type: its path is recorded in this assembly at
/// build time (Signups.Hosting.Kafka.csproj), so the AppHost need not reference the broker.
/// </summary>
internal sealed class DevBrokerProject : IProjectMetadata
{
    public string ProjectPath { get; } = typeof(DevBrokerProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Signups.DevBroker.ProjectPath").Value!;

    // Built with the AppHost (Signups.Hosting.Kafka.csproj references it), as a Projects.* type's project is.
    public bool SuppressBuild => true;
}
