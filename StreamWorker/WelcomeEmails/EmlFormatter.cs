using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace Signups.StreamWorker.WelcomeEmails;

/// <summary>
/// Writes a welcome email as an RFC 5322 message (https://www.rfc-editor.org/rfc/rfc5322) with a MIME
/// text/plain body: CRLF line ends, header lines under 78 characters, non-ASCII text as RFC 2047 encoded words.
/// </summary>
internal static class EmlFormatter
{
    private const string CrLf = "\r\n";
    private const int MaxPlainHeaderText = 60;
    private const int EncodedWordBytes = 45;

    public static string Format(WelcomeEmail email, MailAddress from)
    {
        var eml = new StringBuilder();
        Header(eml, "Message-ID", email.MessageId);
        Header(eml, "Date", email.CreatedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(eml, "From", Mailbox(from.DisplayName, from.Address));
        Header(eml, "To", Mailbox(email.ToName, email.ToAddress));
        Header(eml, "Subject", Text(email.Subject));
        Header(eml, "MIME-Version", "1.0");
        Header(eml, "Content-Type", "text/plain; charset=utf-8");
        Header(eml, "Content-Transfer-Encoding", "base64");
        Header(eml, "X-Signups-Event-Id", email.EventId.ToString());
        eml.Append(CrLf);

        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(email.Body.ReplaceLineEndings(CrLf)));
        for (var i = 0; i < body.Length; i += 76)
        {
            eml.Append(body, i, Math.Min(76, body.Length - i)).Append(CrLf);
        }

        return eml.ToString();
    }

    private static void Header(StringBuilder eml, string name, string value) => eml.Append(name).Append(": ").Append(value).Append(CrLf);

    private static string Mailbox(string name, string address) =>
        string.IsNullOrEmpty(name) ? $"<{address}>"
        : IsPlain(name) ? $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" <{address}>"
        : $"{EncodedWords(name)} <{address}>";

    private static string Text(string text) => IsPlain(text) ? text : EncodedWords(text);

    private static bool IsPlain(string text) => text.Length <= MaxPlainHeaderText && text.All(c => c is >= ' ' and <= '~');

    // RFC 2047 "B" encoded words of at most 45 bytes each (75 characters encoded), one per folded line.
    private static string EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (chunkBytes + size > EncodedWordBytes)
            {
                words.Add(Encode(chunk.ToString()));
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(rune.ToString());
            chunkBytes += size;
        }

        words.Add(Encode(chunk.ToString()));
        return string.Join(CrLf + " ", words);

        static string Encode(string part) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(part))}?=";
    }
}
