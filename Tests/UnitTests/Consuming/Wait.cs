namespace Signups.UnitTests.Consuming;

/// <summary>Waits for a condition with a deadline (the processors work on other threads).</summary>
internal static class Wait
{
    public static void Until(Func<bool> condition, string what, double seconds = 10)
    {
        if (!SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds)))
        {
            Assert.Fail($"Not within {seconds} s: {what}");
        }
    }
}
