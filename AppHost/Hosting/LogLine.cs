namespace Signups.AppHost.Hosting;

/// <summary>A line a resource wrote.</summary>
/// <param name="Time">When the AppHost read it.</param>
/// <param name="Source">The replica that wrote it (or <c>apphost</c>).</param>
/// <param name="Text">The line.</param>
/// <param name="IsError">Written to stderr.</param>
public sealed record LogLine(DateTimeOffset Time, string Source, string Text, bool IsError);
