namespace Signups.Messaging;

/// <summary>Default topic names. Services read the names they use from <see cref="MessagingOptions"/>.</summary>
public static class SignupTopics
{
    /// <summary>Where <see cref="UserSignedUp"/> events are published.</summary>
    public const string UserSignups = "user_signups";

    /// <summary>The suffix of a topic's dead-letter topic.</summary>
    public const string DeadLetterSuffix = ".dlq";

    /// <summary>Where consumers put messages they cannot process.</summary>
    public const string UserSignupsDeadLetters = UserSignups + DeadLetterSuffix;
}
