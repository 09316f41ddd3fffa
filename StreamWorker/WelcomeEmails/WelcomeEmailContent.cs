namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>What the welcome email says; written into the outbox with the status change.</summary>
internal static class WelcomeEmailContent
{
    public static string Subject(string name) => $"Welcome to Signups, {name}!";

    public static string Body(string name) => $"""
        Hi {name},

        thanks for signing up. Please confirm your email address to activate your account.

        The Signups team
        """;
}
