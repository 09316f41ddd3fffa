using Signups.Consuming;
using static Signups.UnitTests.Consuming.Messages;

namespace Signups.UnitTests.Consuming;

public sealed class ConsumerStateTests
{
    private readonly ConsumerState _state = new() { GroupId = "consumer-state-tests" };

    [Fact]
    public void APositionIsTheOffsetAfterTheLastMessageReceivedOfAnOwnedPartition()
    {
        _state.OnAssigned([Partition(0), Partition(2)]);
        _state.OnReceived(0, 41);
        _state.OnReceived(2, 7);
        _state.OnReceived(0, 42);

        Assert.Equal(new Dictionary<int, long> { [0] = 43, [2] = 8 }, _state.Positions);
    }

    [Fact]
    public void APartitionNotReceivedFromHasNoPositionYet()
    {
        _state.OnAssigned([Partition(0), Partition(1)]);
        _state.OnReceived(1, 0);

        Assert.Equal(new Dictionary<int, long> { [1] = 1 }, _state.Positions);
    }

    [Fact]
    public void ARemovedPartitionLosesItsPositionAndStartsAfreshWhenAssignedAgain()
    {
        _state.OnAssigned([Partition(0), Partition(1)]);
        _state.OnReceived(0, 10);
        _state.OnReceived(1, 20);

        _state.OnRemoved([Partition(1)]);
        Assert.Equal(new Dictionary<int, long> { [0] = 11 }, _state.Positions);

        _state.OnAssigned([Partition(1)]);
        Assert.Equal(new Dictionary<int, long> { [0] = 11 }, _state.Positions);
        _state.OnReceived(1, 30);
        Assert.Equal(new Dictionary<int, long> { [0] = 11, [1] = 31 }, _state.Positions);
    }

    [Fact]
    public void PartitionsAssignedLaterKeepThePositionsOfThoseBefore()
    {
        _state.OnAssigned([Partition(0)]);
        _state.OnReceived(0, 5);

        _state.OnAssigned([Partition(11)]);
        _state.OnReceived(11, 99);

        Assert.Equal(new Dictionary<int, long> { [0] = 6, [11] = 100 }, _state.Positions);
        Assert.Equal([0, 11], _state.Assignment.Select(p => p.Partition.Value));
    }
}
