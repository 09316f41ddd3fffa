using Microsoft.AspNetCore.StaticFiles;

namespace Signups.PipelinePage.Page;

/// <summary>A file of the page (HTML, CSS, script), embedded in the service so that nothing comes from elsewhere.</summary>
/// <param name="Path">Its path under <c>wwwroot</c>.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">Its media type.</param>
internal sealed record PageAsset(string Path, byte[] Content, string ContentType)
{
    // Signups.PipelinePage.csproj embeds wwwroot/** under this prefix.
    private const string Prefix = "page/";

    /// <summary>Every embedded file of the page.</summary>
    public static IReadOnlyList<PageAsset> LoadAll()
    {
        var assembly = typeof(PageAsset).Assembly;
        var types = new FileExtensionContentTypeProvider();
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            var path = name[Prefix.Length..];
            return new PageAsset(path, content.ToArray(), types.TryGetContentType(path, out var type) ? type : "application/octet-stream");
        })];
    }
}
