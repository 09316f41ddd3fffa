using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka.Native;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>
/// Checks Kafka client settings at start-up, as Aspire.Confluent.Kafka does when the client is first resolved:
/// librdkafka loads, bootstrap servers are set (and a consumer's group). Each problem is one sentence naming the
/// setting. Every other property is checked by <see cref="LibrdkafkaSettingsValidator{TSettings, TConfig}"/>.
/// </summary>
internal sealed class KafkaSettingsValidator<TSettings, TConfig> : IValidateOptions<TSettings>
    where TSettings : KafkaClientSettings<TConfig>
    where TConfig : ClientConfig, new()
{
    public ValidateOptionsResult Validate(string? name, TSettings options)
    {
        if (!Librdkafka.IsAvailable)
        {
            return ValidateOptionsResult.Fail(Librdkafka.Problem!);
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Config.BootstrapServers))
        {
            problems.Add($"No bootstrap servers configured. Set ConnectionStrings:kafka or {options.SectionPath}:Config:BootstrapServers.");
        }

        if (options.Config is ConsumerConfig consumer && string.IsNullOrWhiteSpace(consumer.GroupId))
        {
            problems.Add($"No consumer group configured. Set {options.SectionPath}:Config:GroupId.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
