namespace Signups.AppHost.Dashboard;

/// <summary>The dashboard's answer to an action: what it did or will do, or why it will not.</summary>
/// <param name="Message">One sentence for the page.</param>
internal sealed record ActionAnswer(string Message);
