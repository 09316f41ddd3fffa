namespace Signups.Messaging;

/// <summary>The consumer groups that read the signup topic: each worker's own, so that each sees every event.</summary>
public static class SignupConsumerGroups
{
    /// <summary>The StreamWorker's group.</summary>
    public const string StreamWorker = "stream-worker";

    /// <summary>The BatchWorker's group.</summary>
    public const string BatchWorker = "batch-worker";
}
