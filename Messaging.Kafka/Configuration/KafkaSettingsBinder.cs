using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>Reads <see cref="KafkaClientSettings{TConfig}"/> from configuration, in Aspire's order.</summary>
internal static class KafkaSettingsBinder
{
    public static void Bind<TConfig>(
        KafkaClientSettings<TConfig> settings,
        IConfiguration configuration,
        string sectionName,
        string connectionName)
        where TConfig : ClientConfig, new()
    {
        var section = configuration.GetSection(sectionName);
        settings.SectionPath = sectionName;
        section.Bind(settings);

        // librdkafka's own names ("linger.ms") pass through as they are; the binder only knows the typed properties.
        foreach (var entry in section.GetSection(nameof(settings.Config)).GetChildren())
        {
            if (entry.Key.Contains('.', StringComparison.Ordinal) && entry.Value is not null)
            {
                settings.Config.Set(entry.Key, entry.Value);
            }
        }

        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }
    }

    /// <summary>The connection string, when there is one, is the bootstrap server list.</summary>
    public static void ApplyConnectionString<TConfig>(KafkaClientSettings<TConfig> settings)
        where TConfig : ClientConfig, new()
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            settings.Config.BootstrapServers = settings.ConnectionString;
        }
    }
}
