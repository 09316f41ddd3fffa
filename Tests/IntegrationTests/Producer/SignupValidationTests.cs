using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Signups.IntegrationTests.Infrastructure;

namespace Signups.IntegrationTests.Producer;

public sealed class SignupValidationTests
{
    private const string Json = "application/json";
    private const string Ada = """{"email":"ada@example.com","name":"Ada Lovelace"}""";

    private static readonly BadInput[] Table =
    [
        new("email without @", Json, """{"email":"ada.example.com","name":"Ada"}""", 400, ["email"]),
        new("email over 254 characters", Json, $$"""{"email":"{{new string('a', 60)}}@{{string.Join('.', Enumerable.Repeat(new string('b', 60), 4))}}.com","name":"Ada"}""", 400, ["email"]),
        new("empty name", Json, """{"email":"ada@example.com","name":""}""", 400, ["name"]),
        new("name over 200 characters", Json, $$"""{"email":"ada@example.com","name":"{{new string('n', 201)}}"}""", 400, ["name"]),
        new("both fields of the wrong JSON type", Json, """{"email":42,"name":{"first":"Ada"}}""", 400, ["email", "name"]),
        new("email missing", Json, """{"name":"Ada"}""", 400, ["email"]),
        new("both missing", Json, "{}", 400, ["email", "name"]),
        new("email null", Json, """{"email":null,"name":"Ada"}""", 400, ["email"]),
        new("a member twice", Json, """{"email":"ada@example.com","email":"bob@example.com","name":"Ada"}""", 400, ["email"]),
        new("JSON null", Json, "null", 400, ["body"]),
        new("a JSON array", Json, $"[{Ada}]", 400, ["body"]),
        new("broken JSON", Json, """{"email":"ada@example.com","name":""", 400, ["body"]),
        new("empty body", Json, "", 400, ["body"]),
        new("text/plain", "text/plain", Ada, 400, ["Content-Type"]),
        new("a form", "application/x-www-form-urlencoded", "email=ada%40example.com&name=Ada", 400, ["Content-Type"]),
        new("no content type", null, Ada, 400, ["Content-Type"]),
        new("not UTF-8", "application/json; charset=utf-16", Ada, 400, ["Content-Type"]),
        new("a body over 64 KB", Json, $$"""{"email":"ada@example.com","name":"Ada","padding":"{{new string(' ', 70_000)}}"}""", 413, []),
        new("an Idempotency-Key over 255 characters", Json, Ada, 400, ["Idempotency-Key"], IdempotencyKey: new string('k', 256)),
        new("an Idempotency-Key with a space", Json, Ada, 400, ["Idempotency-Key"], IdempotencyKey: "two words"),
        new("a batch of 1001", Json, Batch(1001), 413, [], Path: "/signups/batch"),
        new("an empty batch", Json, """{"signups":[]}""", 400, ["signups"], Path: "/signups/batch"),
        new("a batch that is not an array", Json, """{"signups":{"email":"ada@example.com"}}""", 400, ["signups"], Path: "/signups/batch"),
        new("a batch without signups", Json, """{"items":[]}""", 400, ["signups"], Path: "/signups/batch"),
        new("a batch as text/plain", "text/plain", Batch(2), 400, ["Content-Type"], Path: "/signups/batch"),
    ];

    [Fact]
    public async Task EveryBadInputGetsItsProblemPerFieldAndNothingIsPublished()
    {
        await using var graph = await TestGraph.StartProducerOnlyAsync();
        using var http = new HttpClient { BaseAddress = graph.Producer };
        var wrong = new List<string>();
        foreach (var input in Table)
        {
            using var response = await SendAsync(http, input);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var fields = ErrorFields(body);
            if ((int)response.StatusCode != input.Status
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !fields.SetEquals(input.ErrorFields))
            {
                wrong.Add($"{input.What}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(wrong);
        using var topic = new TopicProbe(graph.BootstrapServers, graph.Options.Topic);
        Assert.Equal(0, topic.Count());

        // The probe does see a publish: one good signup is one message.
        using var client = new SignupsClient(graph.Producer);
        Assert.NotNull(await client.SignUpAsync("ada@example.com", "Ada Lovelace"));
        Assert.Equal(1, topic.Count());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, BadInput input)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(input.Body));
        content.Headers.ContentType = input.ContentType is null ? null : MediaTypeHeaderValue.Parse(input.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, input.Path) { Content = content };
        if (input.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", input.IdempotencyKey);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // The field names of a validation problem's "errors"; none for other problems.
    private static HashSet<string> ErrorFields(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];
    }

    private static string Batch(int count) =>
        $$"""{"signups":[{{string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"email":"user{{i}}@example.com","name":"User {{i}}"}"""))}}]}""";

    private sealed record BadInput(
        string What,
        string? ContentType,
        string Body,
        int Status,
        string[] ErrorFields,
        string? IdempotencyKey = null,
        string Path = "/signups");
}
