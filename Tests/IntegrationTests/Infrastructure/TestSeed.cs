namespace Signups.IntegrationTests.Infrastructure;

/// <summary>
/// The seed of a test's random choices (kill moments): SIGNUPS_TEST_SEED when set, otherwise a new one.
/// Tests print it, and put it in their failure messages, so a failing run can be repeated.
/// </summary>
internal static class TestSeed
{
    public static Random Create(out int seed)
    {
        seed = int.TryParse(Environment.GetEnvironmentVariable("SIGNUPS_TEST_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (set SIGNUPS_TEST_SEED={seed} to repeat)");
        return new Random(seed);
    }
}
