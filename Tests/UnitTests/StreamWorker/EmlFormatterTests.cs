using System.Net.Mail;
using System.Text;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.UnitTests.StreamWorker;

public sealed class EmlFormatterTests
{
    private static readonly MailAddress From = new("Signups <welcome@signups.example>");

    [Fact]
    public void TheMessageIdIsDerivedFromTheEventSoAResendIsRecognisable()
    {
        var email = Email("Ada Lovelace");

        var eml = EmlFormatter.Format(email, From);

        Assert.Contains($"Message-ID: <{email.EventId}@signups.local>\r\n", eml, StringComparison.Ordinal);
        Assert.Equal(eml, EmlFormatter.Format(email, From));
    }

    [Fact]
    public void HeadersAndBodyFollowRfc5322()
    {
        var eml = EmlFormatter.Format(Email("Ada Lovelace"), From);
        var (headers, body) = Split(eml);

        Assert.DoesNotContain("\n", eml.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Date: Sat, 21 Nov 2026 14:44:00 +0000", headers);
        Assert.Contains("To: \"Ada Lovelace\" <ada@example.com>", headers);
        Assert.Contains("From: \"Signups\" <welcome@signups.example>", headers);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", headers);
        Assert.All(eml.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line longer than 78: {line}"));
        Assert.StartsWith("Hi Ada Lovelace,", Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body))), StringComparison.Ordinal);
    }

    [Fact]
    public void NonAsciiAndLongTextIsEncodedAsRfc2047Words()
    {
        var name = "Zoë Ñúñez " + new string('ü', 120);

        var (headers, _) = Split(EmlFormatter.Format(Email(name), From));

        var to = string.Concat(headers.SkipWhile(h => !h.StartsWith("To:", StringComparison.Ordinal)).TakeWhile(h => h.StartsWith("To:", StringComparison.Ordinal) || h.StartsWith(' ')));
        var words = System.Text.RegularExpressions.Regex.Matches(to, @"=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=");
        Assert.True(words.Count > 1);
        Assert.Equal(name, string.Concat(words.Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w.Groups[1].Value)))));
    }

    private static WelcomeEmail Email(string name) => new(
        1, Guid.Parse("018f3a5e-0000-7000-8000-000000000001"), "ada@example.com", name,
        $"Welcome to Signups, {name}!", WelcomeEmailContent.Body(name), new DateTimeOffset(2026, 11, 21, 14, 44, 0, TimeSpan.Zero), null);

    private static (List<string> Headers, List<string> Body) Split(string eml)
    {
        var lines = eml.Split("\r\n").ToList();
        var blank = lines.IndexOf(string.Empty);
        return (lines[..blank], lines[(blank + 1)..].Where(l => l.Length > 0).ToList());
    }
}
