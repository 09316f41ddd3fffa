using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Signups.AppHost;

/// <summary>
/// A dashboard command on the producer: a burst of <see cref="Count"/> signups in one <c>POST /signups/batch</c>, for
/// watching the workers and their lag take a load on top of the demo's.
/// </summary>
internal static class SignupBurstCommand
{
    /// <summary>The command's name, for <c>ResourceCommandService</c>.</summary>
    public const string Name = "signup-burst";

    /// <summary>Signups per burst: one full batch.</summary>
    public const int Count = 1000;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static IResourceBuilder<ProjectResource> WithSignupBurstCommand(this IResourceBuilder<ProjectResource> producer)
    {
        var endpoint = producer.Resource.GetEndpoint("http");
        return producer.WithCommand(Name, $"Sign up {Count:N0} users", async context =>
        {
            var burst = Guid.NewGuid().ToString("N")[..8];
            var signups = Enumerable.Range(1, Count).Select(i => new { email = $"burst-{burst}-{i}@example.com", name = $"Burst {burst} {i}" });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(endpoint.Url), "/signups/batch"))
            {
                Content = JsonContent.Create(new { signups }),
            };
            // The batch's key: were the answer lost and the command run again, nothing would be published twice.
            request.Headers.Add("Idempotency-Key", $"burst-{burst}");
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await Http.SendAsync(request, context.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return CommandResults.Failure($"POST /signups/batch answered {(int)response.StatusCode}: {body}");
                }

                using var answer = JsonDocument.Parse(body);
                int Counted(string name) => answer.RootElement.GetProperty(name).GetInt32();
                return CommandResults.Success(string.Create(CultureInfo.InvariantCulture,
                    $"Burst {burst}: {Count:N0} signups in one POST /signups/batch, answered in {clock.Elapsed.TotalSeconds:0.0} s: "
                    + $"{Counted("accepted"):N0} accepted, {Counted("rejected"):N0} rejected, {Counted("failed"):N0} failed."));
            }
            catch (HttpRequestException e)
            {
                return CommandResults.Failure($"The producer did not answer: {e.Message}");
            }
        }, new CommandOptions
        {
            Description = $"Posts {Count:N0} new signups to the producer in one batch.",
            IconName = "PeopleAdd",
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                && context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
    }
}
