using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Signups.AppHost.Hosting;

namespace Signups.AppHost.Dashboard;

/// <summary>A resource's console output for the page: the kept lines first, then each new batch of lines as they are written.</summary>
internal static class LogStream
{
    private const int KeptLinesShown = 500;
    private const int Buffered = 5000;

    public static async IAsyncEnumerable<IReadOnlyList<LogLine>> StreamAsync(ResourceLog log, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A page that cannot keep up loses the oldest lines, never the AppHost's time.
        var lines = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(Buffered) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnLine(LogLine line) => lines.Writer.TryWrite(line);
        log.LineWritten += OnLine;
        try
        {
            // Subscribed first, so no line falls between the snapshot and the feed; lines in both are skipped.
            var kept = log.Snapshot().TakeLast(KeptLinesShown).ToList();
            var shown = new HashSet<LogLine>(kept, ReferenceEqualityComparer.Instance);
            yield return kept;

            while (await WaitAsync(lines.Reader, cancellationToken))
            {
                var batch = new List<LogLine>();
                while (batch.Count < Buffered && lines.Reader.TryRead(out var line))
                {
                    if (!shown.Remove(line))
                    {
                        batch.Add(line);
                    }
                }

                if (batch.Count > 0)
                {
                    yield return batch;
                }
            }
        }
        finally
        {
            log.LineWritten -= OnLine;
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<LogLine> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
