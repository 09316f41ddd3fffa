using System.Text.RegularExpressions;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>One message an <see cref="SmtpSink"/> received: envelope and the raw RFC 5322 text.</summary>
internal sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The Message-ID header's value, or null.</summary>
    public string? MessageId => MessageIdHeader().Match(Data) is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    [GeneratedRegex(@"^Message-ID:\s*(.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
