namespace Signups.AppHost;

/// <summary>SQLite databases as Aspire resources: a connection string to a file under the data directory; nothing runs.</summary>
internal static class SqliteDatabaseExtensions
{
    /// <summary>
    /// <c>ConnectionStrings__{name}</c> = <c>Data Source={file}</c> for whoever references it. The service that owns the
    /// database creates the file and its schema; when publishing it is a secret parameter instead.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddSqliteDatabase(this IDistributedApplicationBuilder builder, [ResourceName] string name, string file) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddConnectionString(name)
            : builder.AddConnectionString(name, ReferenceExpression.Create($"Data Source={file}"));
}
