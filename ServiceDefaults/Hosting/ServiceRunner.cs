using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Signups.ServiceDefaults.Hosting;

/// <summary>
/// Starts a service so that a problem a user can fix (a bad setting, a missing native library, a port in
/// use) ends the process with one readable line per problem and exit code 78 (EX_CONFIG), not a stack trace.
/// </summary>
public static class ServiceRunner
{
    /// <summary>Exit code for a configuration problem (sysexits.h EX_CONFIG).</summary>
    public const int ConfigurationErrorExitCode = 78;

    /// <summary>Validates options, runs the host until it stops, and returns the process exit code.</summary>
    public static async Task<int> RunServiceAsync(this IHost host)
    {
        if (!await host.StartServiceAsync())
        {
            return ConfigurationErrorExitCode;
        }

        await host.WaitForShutdownAsync();
        return Environment.ExitCode;
    }

    /// <summary>
    /// Validates options and starts the host. False, after one line per problem on standard error, when it could
    /// not start because of something a user can fix; the caller then exits with <see cref="ConfigurationErrorExitCode"/>.
    /// </summary>
    public static async Task<bool> StartServiceAsync(this IHost host)
    {
        var name = host.Services.GetRequiredService<IHostEnvironment>().ApplicationName;
        try
        {
            // The same validation the host runs at start, done first so its failures can be reported plainly.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.StartAsync();
            return true;
        }
        catch (Exception e) when (Describe(e) is { Count: > 0 } problems)
        {
            // Distinct: a missing librdkafka fails the consumer's and the producer's settings alike.
            foreach (var problem in problems.Distinct(StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"{name}: {problem}");
            }

            return false;
        }
    }

    private static List<string> Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Describe)],
        // The configuration binder's "Failed to convert configuration value ..." and a missing librdkafka.
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } binder => [binder.Message],
        IOException { Message: var message } when message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) => [message],
        _ when exception.GetType().Name == "LibrdkafkaMissingException" => [exception.Message],
        _ => [],
    };
}
