using System.ComponentModel.DataAnnotations;
using Signups.Messaging;
using Signups.PipelinePage.Monitoring;

namespace Signups.PipelinePage;

/// <summary>What the page draws, section <c>Pipeline</c> (the AppHost sets <c>Pipeline__Consumers__0__Group</c> etc.).</summary>
internal sealed class PipelinePageOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>The connection name of the Kafka the topics live on.</summary>
    [Required]
    public string Kafka { get; set; } = MessagingOptions.KafkaConnectionName;

    /// <summary>The name of the service that publishes.</summary>
    [Required]
    public string Producer { get; set; } = "producer";

    /// <summary>The topic the pipeline runs on.</summary>
    [Required]
    public string Topic { get; set; } = SignupTopics.UserSignups;

    /// <summary>The consumers of <see cref="Topic"/>: each a service (whose <c>/stats</c> is asked through service discovery) and its group.</summary>
    [MinLength(1)]
    public List<PipelineConsumer> Consumers { get; set; } = [];

    /// <summary>How often the pipeline is sampled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    public PipelineShape Shape => new(Kafka, Producer, Topic, Topic + SignupTopics.DeadLetterSuffix, Consumers);
}
