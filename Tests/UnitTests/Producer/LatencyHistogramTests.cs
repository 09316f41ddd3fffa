using Signups.Producer.Load;

namespace Signups.UnitTests.Producer;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void PercentilesAreWithinTwoPercentOfTheExactOnes()
    {
        var histogram = new LatencyHistogram();
        var random = new Random(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => (long)Math.Exp(random.NextDouble() * 14)).ToArray();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Array.Sort(values);
        foreach (var quantile in new[] { 0.5, 0.9, 0.99, 0.999 })
        {
            var exact = values[(int)Math.Ceiling(quantile * values.Length) - 1];
            var estimate = histogram.Percentile(quantile).TotalMicroseconds;
            Assert.InRange(estimate, (exact * 0.98) - 1, (exact * 1.02) + 1);
        }

        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void AnEmptyHistogramSaysZero() => Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(0.99));

    [Fact]
    public void HoursAndNegativeClockStepsAreCountedNotLost()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);
        histogram.Record((long)TimeSpan.FromHours(3).TotalMicroseconds);

        Assert.Equal(2, histogram.Count);
        Assert.InRange(histogram.Percentile(1).TotalHours, 2.95, 3.05);
    }
}
