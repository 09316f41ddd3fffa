namespace Signups.AppHost.Postgres;

/// <summary>A database on a <see cref="PostgresLocalServerResource"/>; its connection string is the server's with <c>Database=</c>.</summary>
internal sealed class PostgresLocalDatabaseResource(string name, string databaseName, PostgresLocalServerResource parent)
    : Resource(name), IResourceWithParent<PostgresLocalServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public PostgresLocalServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
