using Microsoft.AspNetCore.StaticFiles;

namespace Signups.AppHost.Dashboard;

/// <summary>A file of the page (HTML, CSS, script), embedded in the AppHost so that nothing comes from elsewhere.</summary>
/// <param name="Path">Its path under <c>Dashboard/wwwroot</c>.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">Its media type.</param>
internal sealed record DashboardAsset(string Path, byte[] Content, string ContentType)
{
    // Signups.AppHost.csproj embeds Dashboard/wwwroot/** under this prefix.
    private const string Prefix = "dashboard/";

    /// <summary>Every embedded file of the page.</summary>
    public static IReadOnlyList<DashboardAsset> LoadAll()
    {
        var assembly = typeof(DashboardAsset).Assembly;
        var types = new FileExtensionContentTypeProvider();
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            var path = name[Prefix.Length..];
            return new DashboardAsset(path, content.ToArray(), types.TryGetContentType(path, out var type) ? type : "application/octet-stream");
        })];
    }
}
