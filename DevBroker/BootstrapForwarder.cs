using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Signups.DevBroker.Mock;

namespace Signups.DevBroker;

/// <summary>
/// Listens on <see cref="DevBrokerOptions.BootstrapPort"/> (the port the AppHost allocated for the <c>kafka</c>
/// resource) and relays each connection to one of the mock cluster's brokers, which listen wherever librdkafka put
/// them. A client needs the bootstrap address only for its first metadata request: the brokers it then talks to
/// are the ones that metadata names.
/// </summary>
internal sealed partial class BootstrapForwarder(MockCluster cluster, IOptions<DevBrokerOptions> options, ILogger<BootstrapForwarder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.BootstrapPort is not (> 0 and var port))
        {
            return;
        }

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        LogListening(logger, port, cluster.BootstrapServers);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                _ = RelayAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        using (var broker = await ConnectToAnyBrokerAsync(stoppingToken))
        {
            if (broker is null)
            {
                return;
            }

            client.NoDelay = broker.NoDelay = true;
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var toBroker = client.GetStream().CopyToAsync(broker.GetStream(), done.Token);
            var toClient = broker.GetStream().CopyToAsync(client.GetStream(), done.Token);
            await Task.WhenAny(toBroker, toClient);
            await done.CancelAsync();
            await Task.WhenAll(toBroker, toClient).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    // The first broker that accepts: one that a test took down refuses, and the client still gets its metadata.
    private async Task<TcpClient?> ConnectToAnyBrokerAsync(CancellationToken stoppingToken)
    {
        foreach (var address in cluster.BootstrapServers.Split(','))
        {
            var separator = address.LastIndexOf(':');
            var broker = new TcpClient();
            try
            {
                await broker.ConnectAsync(address[..separator], int.Parse(address[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), stoppingToken);
                return broker;
            }
            catch (SocketException)
            {
                broker.Dispose();
            }
        }

        LogNoBroker(logger, cluster.BootstrapServers);
        return null;
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Bootstrap address 127.0.0.1:{Port} relays to the mock brokers at {Brokers}.")]
    private static partial void LogListening(ILogger logger, int port, string brokers);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "A client connected to the bootstrap address, but no broker of {Brokers} accepts connections.")]
    private static partial void LogNoBroker(ILogger logger, string brokers);
}
