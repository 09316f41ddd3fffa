using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps every log line of a test's graph in memory: the AppHost's own, and each resource's console output, which
/// Aspire.Hosting.Testing forwards to logging under <c>{AppHost}.Resources.{resource}</c>.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private const string ResourcesCategory = ".Resources.";
    private readonly ConcurrentQueue<(DateTimeOffset Time, string Source, string Text)> _lines = new();

    /// <summary>Every line, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset Time, string Source, string Text)> Lines => [.. _lines];

    /// <summary>The lines of <paramref name="resource"/>'s replicas.</summary>
    public string Of(string resource) => string.Join(Environment.NewLine, _lines.Where(l => l.Source == resource).Select(l => l.Text));

    public ILogger CreateLogger(string categoryName)
    {
        var resources = categoryName.IndexOf(ResourcesCategory, StringComparison.Ordinal);
        return new Logger(this, resources < 0 ? categoryName[(categoryName.LastIndexOf('.') + 1)..] : categoryName[(resources + ResourcesCategory.Length)..]);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string source) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._lines.Enqueue((DateTimeOffset.UtcNow, source, formatter(state, exception) + (exception is null ? "" : $" {exception.GetType().Name}: {exception.Message}")));
            }
        }
    }
}
