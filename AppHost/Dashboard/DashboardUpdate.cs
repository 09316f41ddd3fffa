using Signups.AppHost.Dashboard.Metrics;
using Signups.AppHost.Pipeline;

namespace Signups.AppHost.Dashboard;

/// <summary>What the page receives once a second: the first carries the pipeline and the whole history, later ones what is new.</summary>
/// <param name="Pipeline">What to draw; only in the first update.</param>
/// <param name="Resources">Every resource as it is now.</param>
/// <param name="Samples">Samples the page has not seen yet, oldest first.</param>
/// <param name="Stopping">The AppHost is stopping: actions are refused.</param>
internal sealed record DashboardUpdate(PipelineShape? Pipeline, IReadOnlyList<ResourceView> Resources, IReadOnlyList<PipelineSample> Samples, bool Stopping);
