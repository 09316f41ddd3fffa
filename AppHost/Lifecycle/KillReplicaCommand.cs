using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Signups.AppHost.Lifecycle;

/// <summary>A dashboard command on each replica of a worker: SIGKILL of its process, a crash on demand.</summary>
internal static class KillReplicaCommand
{
    /// <summary>The command's name, for <c>ResourceCommandService</c>.</summary>
    public const string Name = "kill-replica";

    public static IResourceBuilder<T> WithKillReplicaCommand<T>(this IResourceBuilder<T> builder)
        where T : IResource =>
        builder.WithCommand(Name, "Kill (SIGKILL)", context =>
        {
            var replicas = context.Services.GetRequiredService<ReplicaTracker>();
            if (replicas.Replica(context.ResourceName) is not { } replica || ServiceProcess.Of(replica.Snapshot) is not { } pid)
            {
                return Task.FromResult(CommandResults.Failure($"{context.ResourceName} runs no process now."));
            }

            using var process = Process.GetProcessById(pid);
            process.Kill();
            return Task.FromResult(CommandResults.Success($"Killed process {pid} of {context.ResourceName} with SIGKILL; it is started again shortly."));
        }, new CommandOptions
        {
            Description = "Kills this replica's process with SIGKILL, as a crash would; the AppHost starts it again.",
            IconName = "Delete",
            ConfirmationMessage = "Kill this replica with SIGKILL?",
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });
}
