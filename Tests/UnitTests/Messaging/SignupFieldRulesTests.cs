using Signups.Messaging;

namespace Signups.UnitTests.Messaging;

public sealed class SignupFieldRulesTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("jürgen@bücher.example")]
    public void AValidEmailPasses(string email) => Assert.Null(SignupFieldRules.CheckEmail(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@localhost")]
    [InlineData("ada@@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@-example.com")]
    [InlineData("ada@example..com")]
    public void AnInvalidEmailIsRefused(string? email) => Assert.NotNull(SignupFieldRules.CheckEmail(email));

    [Fact]
    public void AnEmailLongerThan254CharactersIsRefused()
    {
        var email = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";

        Assert.True(email.Length > 254);
        Assert.Contains("254", SignupFieldRules.CheckEmail(email), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("Ada Lovelace", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("tab\tinside", false)]
    public void NamesAreCheckedForPresenceAndControlCharacters(string name, bool valid) =>
        Assert.Equal(valid, SignupFieldRules.CheckName(name) is null);

    [Fact]
    public void ANameOf200CharactersPassesAnd201IsRefused()
    {
        Assert.Null(SignupFieldRules.CheckName(new string('n', 200)));
        Assert.NotNull(SignupFieldRules.CheckName(new string('n', 201)));
    }
}
