using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Signups.Messaging.Kafka.Native;

namespace Signups.Messaging.Kafka.Configuration;

/// <summary>
/// Beyond Aspire.Confluent.Kafka (added by <c>AddKafkaConfigCheck</c>): librdkafka itself checks every property of the
/// client's configuration at start-up, so that a misspelt or out-of-range setting is one sentence naming it, not an
/// exception when the first message is sent.
/// </summary>
internal sealed class LibrdkafkaSettingsValidator<TSettings, TConfig> : IValidateOptions<TSettings>
    where TSettings : KafkaClientSettings<TConfig>
    where TConfig : ClientConfig, new()
{
    public ValidateOptionsResult Validate(string? name, TSettings options)
    {
        if (!Librdkafka.IsAvailable)
        {
            // KafkaSettingsValidator reports it.
            return ValidateOptionsResult.Skip;
        }

        var problems = LibrdkafkaConfigCheck.Check(options.Config)
            .Select(problem => $"{options.SectionPath}:Config:{problem.Property}: {problem.Reason}.")
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
