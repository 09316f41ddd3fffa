namespace Signups.AppHost;

/// <summary>
/// The AppHost's command line as Aspire reads it: into configuration, where <c>--data-dir .x</c> is the key
/// <c>data-dir</c>. A switch given alone (<c>--no-load</c>) would take the next argument as its value, so it becomes
/// <c>--no-load=true</c> first.
/// </summary>
internal static class AppHostArguments
{
    private static readonly string[] Switches = ["--no-load"];

    public static string[] Normalize(string[] args) =>
        [.. args.Select(arg => Switches.Contains(arg, StringComparer.Ordinal) ? arg + "=true" : arg)];
}
