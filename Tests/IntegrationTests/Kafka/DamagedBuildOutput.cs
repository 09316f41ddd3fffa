namespace Signups.IntegrationTests.Kafka;

/// <summary>
/// A service's build output in a temporary directory, mostly as symbolic links, with its librdkafka files
/// replaced by bytes no loader accepts: a damaged install, without touching the real one.
/// </summary>
internal sealed class DamagedBuildOutput : IDisposable
{
    private readonly string _root;

    private DamagedBuildOutput(string root, string entryAssembly)
    {
        _root = root;
        EntryAssembly = entryAssembly;
    }

    public string EntryAssembly { get; }

    public static DamagedBuildOutput Of(string entryAssembly)
    {
        var source = Path.GetDirectoryName(entryAssembly)!;
        var name = Path.GetFileNameWithoutExtension(entryAssembly);
        var root = Path.Combine(Path.GetTempPath(), "signups-tests", $"damaged-build-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Path.GetFileName(file).Contains("rdkafka", StringComparison.Ordinal))
            {
                File.WriteAllText(target, "not a shared library");
            }
            else if (Path.GetFileName(file).StartsWith(name, StringComparison.Ordinal))
            {
                // The host resolves the entry assembly's real path and takes native libraries from there: copy it.
                File.Copy(file, target);
            }
            else
            {
                File.CreateSymbolicLink(target, file);
            }
        }

        return new DamagedBuildOutput(root, Path.Combine(root, Path.GetFileName(entryAssembly)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
