using System.Globalization;
using System.Text.Json.Nodes;

namespace Signups.Benchmarks.Harness;

/// <summary>
/// bench/results.json: each key's median at the top level (what one reads and compares), its min/median/max and
/// every run under <c>spread</c>, the machine line and the facts of the runs (message size and count, client).
/// Keys of scenarios not run this time are kept from the file as it was, each with the machine and time of its own
/// session under <c>spread</c>; the top-level machine line is the latest session's.
/// </summary>
internal static class ResultsFile
{
    public static void Write(string path, IReadOnlyList<KeyResult> results, IReadOnlyDictionary<string, string> facts, int runs)
    {
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        var spread = root["spread"] as JsonObject ?? [];
        root["machine"] = MachineDescription.Describe();
        root["measured_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        root["runs"] = runs;
        foreach (var (name, value) in facts)
        {
            root[name] = long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : value;
        }

        foreach (var result in results)
        {
            root[result.Key] = Math.Round(result.Median, 3);
            spread[result.Key] = new JsonObject
            {
                ["min"] = Math.Round(result.Min, 3),
                ["median"] = Math.Round(result.Median, 3),
                ["max"] = Math.Round(result.Max, 3),
                ["runs"] = new JsonArray([.. result.Runs.Select(r => (JsonNode)Math.Round(r, 3))]),
                // Keys kept from an earlier session keep its machine and time: a partial run can be told from the rest.
                ["machine"] = root["machine"]!.GetValue<string>(),
                ["measured_at"] = root["measured_at"]!.GetValue<string>(),
            };
        }

        root.Remove("spread");
        root["spread"] = spread;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(BenchmarkJsonContext.Default.Options) + Environment.NewLine);
    }
}
