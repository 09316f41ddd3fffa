namespace Signups.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition with a deadline, checking it every 200 ms; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; fails naming <paramref name="what"/> and the last value seen.</summary>
    public static async Task<T> WaitAsync<T>(string what, Func<CancellationToken, Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(Interval);
        var last = default(T);
        try
        {
            while (true)
            {
                last = await probe(deadline.Token);
                if (done(last))
                {
                    return last;
                }

                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Not within {timeout.TotalSeconds:0} s: {what}. Last seen: {Describe(last)}");
        }
    }

    private static string Describe(object? value) => value is System.Collections.IEnumerable items and not string
        ? $"[{string.Join("; ", items.Cast<object?>().Take(40))}]"
        : value?.ToString() ?? "nothing";

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task WaitAsync(string what, Func<bool> condition, TimeSpan timeout) =>
        WaitAsync(what, _ => Task.FromResult(condition()), done => done, timeout);
}
