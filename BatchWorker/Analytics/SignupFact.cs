namespace Signups.BatchWorker.Analytics;

/// <summary>What a fact derives from its event, the same in every store.</summary>
internal static class SignupFact
{
    public static string EmailDomain(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
