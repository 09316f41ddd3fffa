namespace Signups.Storage;

/// <summary>
/// Whether the service's schema exists yet. The consume loop waits for it before it joins its group, and the
/// database's health check reports it: a worker whose database is unreachable at start does not consume.
/// </summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the schema has been created (or found).</summary>
    public Task WhenReady => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Why the last attempt to create the schema failed, while it is not ready.</summary>
    public string? Problem { get; private set; }

    internal void Ready()
    {
        Problem = null;
        _ready.TrySetResult();
    }

    internal void Failed(string problem) => Problem = problem;
}
