using Signups.Producer.Load;

namespace Signups.UnitTests.Producer;

public sealed class LoadCommandLineTests
{
    [Fact]
    public void CountAndRateDefaultTo1000AndParse()
    {
        var parse = LoadCommand.Create().Parse(["--count", "0", "--rate", "250"]);

        Assert.Empty(parse.Errors);
    }

    [Theory]
    [InlineData("--count", "lots", "Cannot parse")]
    [InlineData("--count", "-1", "--count must be 0")]
    [InlineData("--rate", "-3", "--rate must be 0")]
    [InlineData("--burst", "3", "Unrecognized")]
    public void BadArgumentsAreParseErrors(string option, string value, string says) =>
        Assert.Contains(says, LoadCommand.Create().Parse([option, value]).Errors[0].Message, StringComparison.Ordinal);

    [Fact]
    public async Task BadArgumentsExitWithCode2BeforeAnythingStarts() =>
        Assert.Equal(LoadCommand.UsageErrorExitCode, await LoadCommand.RunAsync(["--rate", "fast"]));

    [Fact]
    public void OnlyTheLoadVerbSelectsTheLoadGenerator()
    {
        Assert.True(LoadCommand.Matches(["load", "--count", "5"]));
        Assert.False(LoadCommand.Matches(["--urls", "http://127.0.0.1:5080"]));
        Assert.False(LoadCommand.Matches([]));
    }
}
