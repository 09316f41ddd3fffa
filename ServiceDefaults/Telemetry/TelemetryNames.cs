namespace Signups.ServiceDefaults.Telemetry;

/// <summary>The activity sources and meters every service exports.</summary>
internal static class TelemetryNames
{
    /// <summary>Activity sources: ours, ASP.NET Core's request spans and HttpClient's.</summary>
    public static readonly string[] ActivitySources = ["Signups.*", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>Meters: ours, ASP.NET Core's, Kestrel's, HttpClient's and the runtime's.</summary>
    public static readonly string[] Meters =
        ["Signups.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];
}
