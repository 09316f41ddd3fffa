using Signups.PipelinePage.Monitoring;

namespace Signups.PipelinePage.Page;

/// <summary>What the page receives once a second: the first carries the pipeline and the whole history, later ones what is new.</summary>
/// <param name="Pipeline">What to draw; only in the first update.</param>
/// <param name="Samples">Samples the page has not seen yet, oldest first.</param>
internal sealed record PipelineUpdate(PipelineShape? Pipeline, IReadOnlyList<PipelineSample> Samples);
