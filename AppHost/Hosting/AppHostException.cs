namespace Signups.AppHost.Hosting;

/// <summary>The AppHost could not do what was asked (a resource failed to start, an unknown resource); the message says why.</summary>
public sealed class AppHostException(string message) : Exception(message);
