using Signups.AppHost;

namespace Signups.IntegrationTests.Graph;

/// <summary><see cref="GraphTests"/> on SQLite files (the default).</summary>
[Collection(GraphTests.Collection)]
public sealed class SqliteGraphTests : GraphTests
{
    protected override SignupStore Store => SignupStore.Sqlite;
}
