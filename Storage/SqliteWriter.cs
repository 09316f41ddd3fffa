using Microsoft.Data.Sqlite;

namespace Signups.Storage;

/// <summary>
/// The process's writer to a database: one long-lived connection whose prepared statements are reused, and
/// every write one transaction under the database's write gate. After a SQLite error the connection is
/// replaced, so a retry starts clean.
/// </summary>
public sealed class SqliteWriter(SqliteDatabase database) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    /// <summary>Runs <paramref name="write"/> in one transaction and commits it; rolls back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWrite, T> write, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await database.OpenAsync(cancellationToken);
            using var transaction = _connection.BeginTransaction();
            var result = write(new SqliteWrite(transaction, this));
            transaction.Commit();
            return result;
        }
        catch (SqliteException)
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await database.WriteGate.WaitAsync();
        try
        {
            await ResetAsync();
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    internal SqliteCommand Statement(string sql, int parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            for (var i = 1; i <= parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter($"${i}", null));
            }

            _statements[sql] = command;
        }

        return command;
    }

    private async Task ResetAsync()
    {
        foreach (var command in _statements.Values)
        {
            await command.DisposeAsync();
        }

        _statements.Clear();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
