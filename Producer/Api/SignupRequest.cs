namespace Signups.Producer.Api;

/// <summary>The body of <c>POST /signups</c>.</summary>
/// <param name="Email">The new user's email address.</param>
/// <param name="Name">The new user's name.</param>
internal sealed record SignupRequest(string? Email, string? Name);
