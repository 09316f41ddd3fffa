using Signups.Messaging.Kafka.Native;

namespace Signups.AppHost;

/// <summary>What must hold before the model is built: settings that make sense, a librdkafka that loads.</summary>
internal static class AppHostPreflight
{
    /// <summary>A setting is wrong (EX_USAGE).</summary>
    public const int BadSetting = 2;


    /// <summary>The settings, or null after one line on standard error; <paramref name="exitCode"/> then says why.</summary>
    public static AppHostSettings? Check(IDistributedApplicationBuilder builder, out int exitCode)
    {
        exitCode = 0;
        // The health checks and the catch-up before each worker's stop talk to Kafka through librdkafka.
        if (!Librdkafka.IsAvailable)
        {
            Console.Error.WriteLine($"apphost: {Librdkafka.Problem}");
            exitCode = Librdkafka.UnavailableExitCode;
            return null;
        }

        try
        {
            return AppHostSettings.Read(builder.Configuration, builder.ExecutionContext.IsPublishMode);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"apphost: {e.Message}");
            exitCode = BadSetting;
            return null;
        }
    }
}
