using System.Text;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>What is wrong with the stores, each problem naming the ids concerned; empty when every invariant holds.</summary>
internal sealed class InvariantReport
{
    private const int IdsShown = 10;
    private readonly List<string> _problems = [];

    public bool Holds => _problems.Count == 0;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Records <paramref name="ids"/> under <paramref name="invariant"/> when there are any.</summary>
    public void Add(string invariant, IReadOnlyCollection<string> ids)
    {
        if (ids.Count > 0)
        {
            var shown = string.Join(", ", ids.Take(IdsShown));
            _problems.Add($"{invariant}: {ids.Count} ({shown}{(ids.Count > IdsShown ? ", ..." : string.Empty)})");
        }
    }

    public override string ToString()
    {
        if (Holds)
        {
            return "every invariant holds";
        }

        var text = new StringBuilder();
        foreach (var problem in _problems)
        {
            text.AppendLine().Append("  - ").Append(problem);
        }

        return text.ToString();
    }
}
