namespace Signups.Consuming;

/// <summary>
/// Something the consume loop waits for before it joins its group, such as the store's schema: a worker that could not
/// store what it consumed must not take partitions from a replica that can.
/// </summary>
/// <param name="What">What is waited for, for the log (<c>users-db</c>).</param>
/// <param name="WaitAsync">Completes when the loop may consume.</param>
public sealed record ConsumeStartGate(string What, Func<CancellationToken, Task> WaitAsync);
