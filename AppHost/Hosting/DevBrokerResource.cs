namespace Signups.AppHost.Hosting;

/// <summary>
/// The <c>kafka</c> resource when no <c>ConnectionStrings:kafka</c> is given: the dev broker process
/// (librdkafka's mock cluster). Never restarted: a new one would have new ports and none of the data.
/// </summary>
public sealed class DevBrokerResource : ProjectResource, IResourceWithConnectionString
{
    internal DevBrokerResource(string name, string assemblyPath, AppHostConsole console)
        : base(name, assemblyPath, console) => RestartOnExit = false;

    /// <inheritdoc />
    public string? ConnectionString { get; private set; }

    /// <summary>The control API for fault injection, once started.</summary>
    public DevBrokerClient? Client { get; private set; }

    internal override async Task OnReplicaReadyAsync(ServiceReplica replica, CancellationToken cancellationToken)
    {
        var client = new DevBrokerClient(replica.Endpoint!);
        var cluster = await client.DescribeAsync(cancellationToken);
        ConnectionString = cluster.BootstrapServers;
        Client = client;
    }
}
