using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Signups.UnitTests.Configuration;

public sealed class KafkaSettingsValidationTests
{
    [Fact]
    public void WithoutBootstrapServersStartupFailsSayingSo()
    {
        var failures = Validate(new Dictionary<string, string?>());

        Assert.Contains(failures, f => f.StartsWith("No bootstrap servers configured.", StringComparison.Ordinal));
    }

    [Fact]
    public void AMisspelledLibrdkafkaPropertyFailsStartupNamingIt()
    {
        var failures = Validate(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = "localhost:9092",
            ["Aspire:Confluent:Kafka:Producer:Config:lnger.ms"] = "5",
        });

        var failure = Assert.Single(failures);
        Assert.Contains("Aspire:Confluent:Kafka:Producer:Config", failure, StringComparison.Ordinal);
        Assert.Contains("lnger.ms", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidValueFailsStartupNamingTheProperty()
    {
        var failures = Validate(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = "localhost:9092",
            ["Aspire:Confluent:Kafka:Producer:Config:compression.type"] = "zip",
        });

        Assert.Contains("compression.type", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheConfigCheckOnlyWhatAspireChecksIsChecked()
    {
        var builder = Builder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:kafka"] = "localhost:9092",
            ["Aspire:Confluent:Kafka:Producer:Config:lnger.ms"] = "5",
        }, configCheck: false);
        using var host = builder.Build();

        // As with Aspire.Confluent.Kafka: a bootstrap server is all that is asked for; librdkafka would refuse the rest
        // when the producer is built.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void TheConnectionStringBecomesTheBootstrapServers()
    {
        var builder = Builder(new Dictionary<string, string?> { ["ConnectionStrings:kafka"] = "broker1:9092,broker2:9092" });
        using var host = builder.Build();

        var settings = host.Services.GetRequiredService<IOptions<Signups.Messaging.Kafka.Configuration.KafkaProducerSettings>>().Value;

        Assert.Equal("broker1:9092,broker2:9092", settings.Config.BootstrapServers);
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> configuration)
    {
        using var host = Builder(configuration).Build();
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        return [.. error.Failures];
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> configuration, bool configCheck = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddKafkaProducer<byte[], byte[]>("kafka");
        if (configCheck)
        {
            builder.AddKafkaConfigCheck();
        }

        return builder;
    }
}
