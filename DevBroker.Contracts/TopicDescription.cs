namespace Signups.DevBroker.Contracts;

/// <summary>A topic and its partition count; the body of <c>POST /topics</c>.</summary>
/// <param name="Name">Topic name.</param>
/// <param name="Partitions">Number of partitions.</param>
public sealed record TopicDescription(string Name, int Partitions);
