using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Signups.Messaging;

namespace Signups.Producer.Api;

/// <summary>One line when the API starts taking signups: where it listens and the topic it publishes to.</summary>
internal sealed partial class SignupsApiStartedLog(
    IServer server,
    IOptions<MessagingOptions> messaging,
    IHostApplicationLifetime lifetime,
    ILogger<SignupsApiStartedLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => LogStarted(logger,
            string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []), messaging.Value.Topic));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Taking signups at {Addresses}; each accepted one is stored on topic {Topic} (acks=all, idempotent)")]
    private static partial void LogStarted(ILogger logger, string addresses, string topic);
}
