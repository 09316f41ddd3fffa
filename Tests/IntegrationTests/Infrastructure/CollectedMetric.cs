namespace Signups.IntegrationTests.Infrastructure;

/// <summary>A metric a service exported over OTLP, with the attributes of each of its data points.</summary>
/// <param name="Service">The exporting service's <c>service.name</c>.</param>
/// <param name="Meter">The meter (instrumentation scope) it belongs to.</param>
/// <param name="Name">Instrument name.</param>
/// <param name="Unit">Instrument unit (UCUM, e.g. <c>s</c>, <c>{event}</c>).</param>
/// <param name="Points">Each data point's attributes (string and integer values as text).</param>
internal sealed record CollectedMetric(string Service, string Meter, string Name, string Unit, IReadOnlyList<IReadOnlyDictionary<string, string>> Points);
