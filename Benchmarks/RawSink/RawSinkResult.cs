namespace Signups.Benchmarks.RawSink;

/// <summary>What the plain SQLite bulk path measured.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Transactions">Transactions committed (one per batch, each with the batch's offsets).</param>
/// <param name="Seconds">From the first transaction's start to the last commit.</param>
/// <param name="RowsPerSecond">Rows per second over that span.</param>
internal sealed record RawSinkResult(long Rows, int Transactions, double Seconds, double RowsPerSecond);
