using Signups.Storage;

namespace Signups.UnitTests.Storage;

public sealed class StoreConnectionTests
{
    [Theory]
    [InlineData("Host=localhost;Port=5432;Username=postgres;Password=p;Database=users", StoreKind.Postgres)]
    [InlineData("Server=db.example.com;Database=users;User Id=signups;Password=p;SSL Mode=Require", StoreKind.Postgres)]
    [InlineData("Data Source=/var/lib/signups/users.db", StoreKind.Sqlite)]
    [InlineData("Data Source=users.db;Cache=Shared", StoreKind.Sqlite)]
    [InlineData("", StoreKind.Sqlite)]
    [InlineData("not a connection string", StoreKind.Sqlite)]
    public void TheConnectionStringSaysWhichStore(string connectionString, StoreKind expected) =>
        Assert.Equal(expected, StoreConnection.KindOf(connectionString));

    [Fact]
    public void ASqliteDatabaseWithoutAConnectionStringSaysBothForms()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SqliteDatabase("users-db", null));

        Assert.Contains("Data Source=", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }
}
