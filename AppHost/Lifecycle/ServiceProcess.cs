using System.Globalization;

namespace Signups.AppHost.Lifecycle;

/// <summary>
/// The process of a replica. DCP reports the process it started (<c>executable.pid</c>); for a project that is
/// <c>dotnet run</c>, whose child is the service itself.
/// </summary>
internal static class ServiceProcess
{
    /// <summary>The service's process id, or null when the replica runs no process now.</summary>
    public static int? Of(CustomResourceSnapshot snapshot)
    {
        if (snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } value
            || !int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var started))
        {
            return null;
        }

        var children = $"/proc/{started}/task/{started}/children";
        var child = File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        return child is null ? started : int.Parse(child, CultureInfo.InvariantCulture);
    }

    /// <summary>Where the process itself serves HTTP (its <c>ASPNETCORE_URLS</c>, which Aspire sets), or null.</summary>
    public static Uri? HttpEndpoint(int processId)
    {
        try
        {
            var urls = File.ReadAllText($"/proc/{processId}/environ").Split('\0')
                .FirstOrDefault(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal));
            return urls is null ? null : new Uri(urls["ASPNETCORE_URLS=".Length..].Split(';')[0]);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
