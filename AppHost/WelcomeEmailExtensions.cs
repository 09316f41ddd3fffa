namespace Signups.AppHost;

/// <summary>Where the StreamWorker's welcome emails go.</summary>
internal static class WelcomeEmailExtensions
{
    /// <summary>
    /// Running: <c>.eml</c> files in <paramref name="pickupDirectory"/>, as a mail server's pickup directory would take them.
    /// Publishing: the SMTP server in the secret connection-string parameter <c>smtp</c> (<c>Endpoint=smtps://host:465</c>);
    /// a container's directory is no place for mail.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWelcomeEmail(this IResourceBuilder<ProjectResource> worker, string pickupDirectory) =>
        worker.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? worker.WithReference(worker.ApplicationBuilder.AddConnectionString("smtp"))
            : worker.WithEnvironment("WelcomeEmail__PickupDirectory", pickupDirectory);
}
