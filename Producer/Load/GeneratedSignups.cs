using Signups.Messaging;

namespace Signups.Producer.Load;

/// <summary>Endless distinct signups for the load generator; the run's tag keeps emails apart between runs.</summary>
internal sealed class GeneratedSignups(TimeProvider clock)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public UserSignedUp Next()
    {
        var n = _next++;
        return new UserSignedUp(Guid.CreateVersion7(), Guid.CreateVersion7(), $"load{n}.{_run}@load.example", $"Load User {n}", clock.GetUtcNow());
    }
}
