using System.Globalization;
using System.Text.RegularExpressions;
using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Hosting;
using Signups.AppHost.Pipeline;

namespace Signups.AppHost.Dashboard;

/// <summary>
/// The graph in one line, for a console nobody watches interactively (CI, a service manager):
/// <c>status | kafka running | stream-worker 1/1 healthy, lag 12 | producer running | 98 msg/s</c>.
/// </summary>
internal static partial class StatusLine
{
    public static string Format(IReadOnlyList<ResourceView> resources, PipelineShape shape, PipelineSample? sample)
    {
        var parts = new List<string> { "status" };
        foreach (var resource in resources.Where(r => r.Kind != "database"))
        {
            var consumer = shape.Consumers.FirstOrDefault(c => c.Resource == resource.Name);
            if (consumer is null)
            {
                parts.Add(resource.Replicas.Count > 1
                    ? $"{resource.Name} {Running(resource)}/{resource.Replicas.Count} {Words(resource.State)}"
                    : $"{resource.Name} {Words(resource.State)}");
                continue;
            }

            var lag = sample?.Groups.FirstOrDefault(g => g.Group == consumer.Group)?.Lag;
            var health = resource.State == ResourceState.Running && resource.Health is { } h ? Words(h) : Words(resource.State);
            parts.Add($"{resource.Name} {Running(resource)}/{resource.Replicas.Count} {health}, lag {Number(lag)}");
        }

        parts.Add($"{Number(sample?.ProduceRate)} msg/s");
        return string.Join(" | ", parts);
    }

    private static int Running(ResourceView resource) => resource.Replicas.Count(r => r.State == ResourceState.Running);

    private static string Number(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "?";

    // FailedToStart -> "failed to start".
    private static string Words(Enum value) => Capitals().Replace(value.ToString(), " $0").Trim().ToLowerInvariant();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capitals();
}
