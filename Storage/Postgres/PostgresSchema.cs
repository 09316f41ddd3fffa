namespace Signups.Storage.Postgres;

/// <summary>A service's PostgreSQL database: its connection name and the DDL that creates its tables when missing.</summary>
public sealed record PostgresSchema(string ConnectionName, string Ddl);
