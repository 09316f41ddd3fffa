using Signups.AppHost;

namespace Signups.IntegrationTests.Graph;

/// <summary><see cref="GraphTests"/> on PostgreSQL (<c>--store postgres</c>: the server from the machine's binaries, run by the AppHost).</summary>
[Collection(GraphTests.Collection)]
public sealed class PostgresGraphTests : GraphTests
{
    protected override SignupStore Store => SignupStore.Postgres;
}
