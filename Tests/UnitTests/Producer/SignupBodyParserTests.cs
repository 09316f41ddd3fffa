using System.Text;
using Signups.Producer.Api;

namespace Signups.UnitTests.Producer;

public sealed class SignupBodyParserTests
{
    [Fact]
    public void AValidBodyBecomesASignup()
    {
        var errors = new Dictionary<string, string[]>();

        var signup = SignupBodyParser.ParseSignup(Utf8("""{"email":"ada@example.com","name":"Ada Lovelace","newsletter":true}"""), errors);

        Assert.Empty(errors);
        Assert.Equal(new SignupRequest("ada@example.com", "Ada Lovelace"), signup);
    }

    [Theory]
    [InlineData("""{"email":"ada@example.com"}""", "name", "required")]
    [InlineData("""{"email":"ada@example.com","name":null}""", "name", "required")]
    [InlineData("""{"email":"ada@example.com","name":7}""", "name", "not a number")]
    [InlineData("""{"email":["ada@example.com"],"name":"Ada"}""", "email", "not an array")]
    [InlineData("""{"email":true,"name":"Ada"}""", "email", "not a boolean")]
    [InlineData("""{"email":"ada@","name":"Ada"}""", "email", "local-part@domain")]
    [InlineData("""{"Email":"ada@example.com","email":"bob@example.com","name":"Ada"}""", "email", "more than once")]
    [InlineData("""{"email":"ada@example.com","name":"Ada""", "body", "not valid JSON")]
    [InlineData("""[{"email":"ada@example.com","name":"Ada"}]""", "body", "not an array")]
    [InlineData("\"ada@example.com\"", "body", "not a string")]
    [InlineData("null", "body", "not null")]
    [InlineData("  \n", "body", "empty")]
    public void EachProblemIsReportedUnderItsField(string json, string field, string says)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(SignupBodyParser.ParseSignup(Utf8(json), errors));

        Assert.Contains(says, Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadFieldGetsItsOwnErrorAtOnce()
    {
        var errors = new Dictionary<string, string[]>();

        SignupBodyParser.ParseSignup(Utf8("""{"email":12,"name":""}"""), errors);

        Assert.Equal(["email", "name"], errors.Keys.Order());
    }

    [Fact]
    public void ABatchItemThatIsNotAnObjectIsReportedForThatItemAlone()
    {
        var errors = new Dictionary<string, string[]>();
        var items = SignupBodyParser.ParseBatch(Utf8("""{"signups":[{"email":"ada@example.com","name":"Ada"},"bob"]}"""), errors);

        Assert.Empty(errors);
        Assert.NotNull(SignupBodyParser.CheckItem(items![0], new Dictionary<string, string[]>()));
        var itemErrors = new Dictionary<string, string[]>();
        Assert.Null(SignupBodyParser.CheckItem(items[1], itemErrors));
        Assert.Contains("not a string", Assert.Single(itemErrors[SignupBodyParser.BodyField]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"signups":{"email":"ada@example.com"}}""", "signups")]
    [InlineData("""{"items":[]}""", "signups")]
    [InlineData("[]", "body")]
    public void ABatchWithoutASignupsArrayIsRefusedWhole(string json, string field)
    {
        var errors = new Dictionary<string, string[]>();

        SignupBodyParser.ParseBatch(Utf8(json), errors);

        Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
