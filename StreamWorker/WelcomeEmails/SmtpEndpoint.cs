namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>An SMTP server from <c>ConnectionStrings:smtp</c>.</summary>
internal sealed record SmtpEndpoint(string Host, int Port, bool UseTls)
{
    public const string Format = "ConnectionStrings:smtp must look like 'Endpoint=smtp://host:port' (or smtps:// for TLS).";

    /// <summary>Reads <c>Endpoint=smtp://host:port</c>, <c>smtp://host:port</c> or <c>host:port</c>; null when it is none of them.</summary>
    public static SmtpEndpoint? TryParse(string connectionString)
    {
        var value = connectionString.Trim();
        if (value.StartsWith("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            value = value["Endpoint=".Length..].Split(';')[0];
        }

        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "smtp://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var tls = uri.Scheme == "smtps";
        return new(uri.Host, uri.IsDefaultPort ? (tls ? 465 : 25) : uri.Port, tls);
    }

    public override string ToString() => $"{(UseTls ? "smtps" : "smtp")}://{Host}:{Port}";
}
