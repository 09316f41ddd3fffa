namespace Signups.AppHost.Hosting;

/// <summary>
/// The AppHost's terminal: every line prefixed with the resource that wrote it, docker-compose style,
/// coloured per resource when stdout is a terminal. Lines of different processes never interleave mid-line.
/// </summary>
public sealed class AppHostConsole(bool echo)
{
    public const string AppHostSource = "apphost";

    private static readonly string[] Colors = ["\e[36m", "\e[33m", "\e[32m", "\e[35m", "\e[34m", "\e[96m", "\e[93m", "\e[92m"];
    private const string Reset = "\e[0m";
    private const int PrefixWidth = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly bool _useColor = !Console.IsOutputRedirected;

    /// <summary>The AppHost's own lines.</summary>
    public ResourceLog Log { get; } = new();

    /// <summary>Whether lines are written to stdout (tests keep them in memory only).</summary>
    public bool Echo { get; } = echo;

    /// <summary>Writes one of the AppHost's own lines.</summary>
    public void Info(string text) => Write(Log, AppHostSource, text, isError: false);

    /// <summary>Writes one of the AppHost's own error lines.</summary>
    public void Error(string text) => Write(Log, AppHostSource, text, isError: true);

    /// <summary>Writes a line as it came, without prefix (the Producer and Dashboard addresses).</summary>
    public void Plain(string text)
    {
        Log.Write(new LogLine(DateTimeOffset.Now, AppHostSource, text, IsError: false));
        if (Echo)
        {
            lock (_lock)
            {
                Console.Out.WriteLine(text);
            }
        }
    }

    internal void Write(ResourceLog log, string source, string text, bool isError)
    {
        log.Write(new LogLine(DateTimeOffset.Now, source, text, isError));
        if (!Echo)
        {
            return;
        }

        lock (_lock)
        {
            var prefix = source.PadRight(PrefixWidth);
            if (_useColor)
            {
                if (!_colors.TryGetValue(source, out var color))
                {
                    color = Colors[_colors.Count % Colors.Length];
                    _colors[source] = color;
                }

                Console.Out.WriteLine($"{color}{prefix}|{Reset} {text}");
            }
            else
            {
                Console.Out.WriteLine($"{prefix}| {text}");
            }
        }
    }
}
