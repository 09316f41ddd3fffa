using Microsoft.Extensions.Options;

namespace Signups.Storage;

/// <summary>Refuses a missing or malformed SQLite connection string at start, naming the setting.</summary>
internal sealed class SqliteDatabaseOptionsValidator : IValidateOptions<SqliteDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteDatabaseOptions options)
    {
        try
        {
            _ = new SqliteDatabase(options.ConnectionName, options.ConnectionString, options.PageCacheMegabytes);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
