namespace Signups.Producer.Api;

/// <summary>A signup whose fields passed <see cref="Messaging.SignupFieldRules"/>.</summary>
/// <param name="Email">The new user's email address.</param>
/// <param name="Name">The new user's name.</param>
internal sealed record SignupRequest(string Email, string Name);
