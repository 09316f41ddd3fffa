using System.ComponentModel.DataAnnotations;
using Signups.Messaging;

namespace Signups.DevBroker;

/// <summary>The dev cluster's shape, section <c>DevBroker</c> (environment: <c>DevBroker__Brokers=3</c>).</summary>
internal sealed class DevBrokerOptions
{
    public const string SectionName = "DevBroker";

    /// <summary>Number of brokers (ids 1..N).</summary>
    [Range(1, 16)]
    public int Brokers { get; set; } = 1;

    /// <summary>Partitions of each topic created at start.</summary>
    [Range(1, 1000)]
    public int Partitions { get; set; } = 12;

    /// <summary>
    /// A port on 127.0.0.1 that relays to the brokers (<see cref="BootstrapForwarder"/>), so that the bootstrap
    /// address can be one the AppHost chose; 0 for none (clients then use the mock's own addresses).
    /// </summary>
    [Range(0, 65535)]
    public int BootstrapPort { get; set; }

    /// <summary>Topics created at start; the app's two topics when none are configured.</summary>
    public string[] Topics { get; set; } = [];

    /// <summary>The topics to create: the configured ones, or the app's defaults.</summary>
    public IReadOnlyList<string> EffectiveTopics => Topics.Length > 0
        ? Topics
        : [SignupTopics.UserSignups, SignupTopics.UserSignupsDeadLetters];
}
