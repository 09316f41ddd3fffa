using Microsoft.Extensions.Options;
using Signups.Producer.Idempotency;
using Signups.Storage;

namespace Signups.UnitTests.Producer;

public sealed class IdempotencyStoreTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "signups-unit", Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
    private SqliteWriter? _writer;
    private SqliteIdempotencyStore? _store;

    public async ValueTask InitializeAsync()
    {
        var database = new SqliteDatabase("idempotency-db", $"Data Source={Path.Combine(_directory, "idempotency.db")}");
        await database.EnsureSchemaAsync(IdempotencySchema.Sqlite, TestContext.Current.CancellationToken);
        _writer = new SqliteWriter(database);
        _store = new SqliteIdempotencyStore(_writer, Options.Create(new IdempotencyOptions { Retention = TimeSpan.FromHours(24) }), _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ANewKeyIsClaimedAndItsAttemptIsNotYetAccepted()
    {
        var record = Record([1]);

        Assert.Equal(record, await _store!.BeginAsync("k", record));
        Assert.False((await _store.BeginAsync("k", Record([1]))).Accepted);
    }

    [Fact]
    public async Task AnAcceptedKeyIsReturnedWithItsFirstIdsToAnyLaterRequest()
    {
        var first = Record([1]);
        await _store!.BeginAsync("k", first);
        await _store.MarkAcceptedAsync("k");

        var later = await _store.BeginAsync("k", Record([2]));

        Assert.True(later.Accepted);
        Assert.Equal((first.EventId, first.UserId, first.SignedUpAt), (later.EventId, later.UserId, later.SignedUpAt));
        Assert.Equal(first.Fingerprint, later.Fingerprint);
    }

    [Fact]
    public async Task AfterTheRetentionPeriodAKeyIsNewAgainAndPurged()
    {
        await _store!.BeginAsync("k", Record([1]));
        await _store.MarkAcceptedAsync("k");
        _clock.Advance(TimeSpan.FromHours(25));

        var next = Record([2]);
        Assert.Equal(next, await _store.BeginAsync("k", next));
        await _store.BeginAsync("old", Record([3]));
        _clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(2, await _store.PurgeExpiredAsync(TestContext.Current.CancellationToken));
    }

    private IdempotencyRecord Record(byte[] fingerprint) =>
        new(fingerprint, Guid.NewGuid(), Guid.NewGuid(), _clock.GetUtcNow(), Accepted: false);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
