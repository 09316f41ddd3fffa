using Microsoft.Data.Sqlite;

namespace Signups.Storage;

/// <summary>A prepared statement of a <see cref="SqliteWrite"/>, executed with positional values.</summary>
public readonly struct SqliteStatement
{
    private readonly SqliteCommand _command;

    internal SqliteStatement(SqliteCommand command) => _command = command;

    /// <summary>Binds <paramref name="values"/> to <c>$1</c>…<c>$n</c> and executes; the rows changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        var parameters = _command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return _command.ExecuteNonQuery();
    }
}
