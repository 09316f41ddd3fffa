using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka.Configuration;
using Signups.UnitTests.Consuming;

namespace Signups.UnitTests.Configuration;

/// <summary>
/// SASL/TLS for a managed Kafka through the keys the AppHost writes when it publishes
/// (<c>Aspire:Confluent:Kafka:{Producer|Consumer}:Config:*</c>): bound, accepted by librdkafka, never printed.
/// </summary>
public sealed class KafkaSaslSettingsTests
{
    private const string Password = "Endpoint=sb://signups.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=s3cr3t-d0-n0t-pr1nt";

    [Theory]
    [InlineData("Producer")]
    [InlineData("Consumer")]
    public void SaslSslWithPlainAsEventHubsWantsItBindsAndIsAccepted(string client)
    {
        using var host = Build(client, EventHubs());

        var config = Config(host, client);

        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal(SaslMechanism.Plain, config.SaslMechanism);
        Assert.Equal("$ConnectionString", config.SaslUsername);
        Assert.Equal(Password, config.SaslPassword);
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("ScramSha256", SaslMechanism.ScramSha256)]
    [InlineData("ScramSha512", SaslMechanism.ScramSha512)]
    public void ScramWithACaFileBindsAndIsAccepted(string mechanism, SaslMechanism expected)
    {
        using var host = Build("Consumer", new()
        {
            ["SecurityProtocol"] = "SaslSsl",
            ["SaslMechanism"] = mechanism,
            ["SaslUsername"] = "signups",
            ["SaslPassword"] = Password,
            ["ssl.ca.location"] = "/etc/ssl/certs/ca-certificates.crt",
        });

        var config = Config(host, "Consumer");

        Assert.Equal(expected, config.SaslMechanism);
        Assert.Equal("/etc/ssl/certs/ca-certificates.crt", config.Get("ssl.ca.location"));
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void AStartupFailureNamesTheBadSettingButNotThePassword()
    {
        using var host = Build("Producer", EventHubs(("compression.type", "zip")));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("compression.type", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatLibrdkafkaLogsOfASaslClientNeverHoldsThePassword()
    {
        // Everything librdkafka can say about its configuration and the handshake, sent to our log handler.
        using var host = Build("Producer", EventHubs(("Debug", "conf,security,broker")));
        using var producer = host.Services.GetRequiredService<IProducer<byte[], byte[]>>();
        var collector = host.Services.GetFakeLogCollector();

        Wait.Until(() => collector.GetSnapshot().Any(log => log.Message.Contains("sasl.password", StringComparison.Ordinal)), "librdkafka logs its configuration");

        var logs = collector.GetSnapshot();
        Assert.Contains(logs, log => log.Message.Contains("sasl.password", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, log => log.Message.Contains("s3cr3t", StringComparison.Ordinal));
    }

    // SASL_SSL with PLAIN, as Azure Event Hubs' Kafka endpoint wants it, and any further settings.
    private static Dictionary<string, string?> EventHubs(params (string Key, string Value)[] more)
    {
        var config = new Dictionary<string, string?>
        {
                ["SecurityProtocol"] = "SaslSsl",
                ["SaslMechanism"] = "Plain",
                ["SaslUsername"] = "$ConnectionString",
                ["SaslPassword"] = Password,
        };
        foreach (var (key, value) in more)
        {
            config[key] = value;
        }

        return config;
    }

    private static ClientConfig Config(IHost host, string client) => client == "Producer"
        ? host.Services.GetRequiredService<IOptions<KafkaProducerSettings>>().Value.Config
        : host.Services.GetRequiredService<IOptions<KafkaConsumerSettings>>().Value.Config;

    private static IHost Build(string client, Dictionary<string, string?> config)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config.ToDictionary(e => $"Aspire:Confluent:Kafka:{client}:Config:{e.Key}", e => e.Value));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens there: the client never gets past its first connection attempt.
            ["ConnectionStrings:kafka"] = "127.0.0.1:1",
            ["Aspire:Confluent:Kafka:Consumer:Config:GroupId"] = "sasl-test",
        });
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        if (client == "Producer")
        {
            builder.AddKafkaProducer<byte[], byte[]>("kafka");
        }
        else
        {
            builder.AddKafkaConsumer<byte[], byte[]>("kafka");
        }

        builder.AddKafkaConfigCheck();
        return builder.Build();
    }
}
