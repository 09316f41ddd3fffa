using Microsoft.Data.Sqlite;

namespace Signups.Storage;

/// <summary>One write transaction of a <see cref="SqliteWriter"/>.</summary>
public readonly struct SqliteWrite
{
    private readonly SqliteWriter _writer;

    internal SqliteWrite(SqliteTransaction transaction, SqliteWriter writer)
    {
        Transaction = transaction;
        _writer = writer;
    }

    public SqliteTransaction Transaction { get; }

    public SqliteConnection Connection => Transaction.Connection!;

    /// <summary>
    /// Runs a statement whose parameters are <c>$1</c>..<c>$n</c>, bound in order; returns the rows it changed.
    /// The statement is prepared once per connection and reused: with Microsoft.Data.Sqlite a prepared
    /// single-row statement run per row beats multi-row statements, whose every parameter is bound by name.
    /// </summary>
    public int Execute(string sql, params ReadOnlySpan<object?> values) => Prepare(sql, values.Length).Execute(values);

    /// <summary>
    /// The writer's prepared statement for <paramref name="sql"/> (parameters <c>$1</c>…<c>$n</c>) in this transaction,
    /// for a loop that executes it once per row: looked up and prepared once, not per row.
    /// </summary>
    public SqliteStatement Prepare(string sql, int parameters)
    {
        var command = _writer.Statement(sql, parameters);
        command.Transaction = Transaction;
        return new SqliteStatement(command);
    }
}
