namespace Signups.AppHost.Hosting;

/// <summary>How every resource ended when the app stopped, in stop order.</summary>
/// <param name="Outcomes">One entry per replica.</param>
public sealed record StopReport(IReadOnlyList<StopOutcome> Outcomes)
{
    /// <summary>Every resource stopped cleanly: the AppHost then exits 0.</summary>
    public bool IsClean => Outcomes.All(o => o.IsClean);

    /// <summary>One line per replica for the console.</summary>
    public IEnumerable<string> Lines => Outcomes.Select(o => $"{o.Name,-16} {(o.IsClean ? "ok  " : "FAIL")} {o.Note}");
}
