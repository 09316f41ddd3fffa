using System.Net;
using System.Net.Http.Json;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>Posts signups to the Producer, as a user's browser or backend would.</summary>
internal sealed class SignupsClient(Uri producer) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = producer, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Posts one signup; the accepted ids on 202, null on any other answer.</summary>
    public async Task<AcceptedSignup?> SignUpAsync(string email, string name, string? idempotencyKey = null)
    {
        using var response = await PostAsync(email, name, idempotencyKey);
        return response.StatusCode == HttpStatusCode.Accepted
            ? await response.Content.ReadFromJsonAsync<AcceptedSignup>(TestContext.Current.CancellationToken)
            : null;
    }

    /// <summary>Posts one signup and returns the whole answer.</summary>
    public async Task<HttpResponseMessage> PostAsync(string email, string name, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signups") { Content = JsonContent.Create(new { email, name }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts <paramref name="count"/> signups with <paramref name="concurrency"/> in flight; returns those accepted.</summary>
    public async Task<IReadOnlyList<AcceptedSignup>> SignUpManyAsync(int count, int concurrency = 16, string prefix = "user")
    {
        var accepted = new System.Collections.Concurrent.ConcurrentBag<AcceptedSignup>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = TestContext.Current.CancellationToken },
            async (i, _) =>
            {
                if (await SignUpAsync($"{prefix}{i}@example.com", $"{prefix} {i}") is { } signup)
                {
                    accepted.Add(signup);
                }
            });
        return [.. accepted];
    }

    /// <summary>
    /// Posts signups in rounds of <paramref name="perRound"/>, one round per 100 ms at most, until <paramref name="fault"/>
    /// has completed (one round at least): load while a fault happens. Paced, because the dev broker keeps only 5 MB per
    /// partition. Returns those accepted, after awaiting <paramref name="fault"/>.
    /// </summary>
    public async Task<IReadOnlyList<AcceptedSignup>> SignUpWhileAsync(Task fault, string phase, int perRound)
    {
        var accepted = new List<AcceptedSignup>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var round = 0; !fault.IsCompleted || round == 0; round++)
        {
            accepted.AddRange(await SignUpManyAsync(perRound, prefix: $"{phase}{round}-"));
            await Task.WhenAny(fault, pace.WaitForNextTickAsync().AsTask());
        }

        await fault;
        return accepted;
    }

    public void Dispose() => _http.Dispose();
}
