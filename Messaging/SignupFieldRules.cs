using System.Net.Mail;

namespace Signups.Messaging;

/// <summary>
/// What makes a signup's fields acceptable. The Producer checks requests with these rules and the
/// workers check events with them, so a message the Producer would refuse is a poison message.
/// </summary>
public static class SignupFieldRules
{
    /// <summary>The longest email address accepted (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest local part (before the @) accepted (RFC 5321 §4.5.3.1.1).</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why <paramref name="email"/> is not acceptable, or null when it is.</summary>
    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "The email is required.";
        }

        if (email.Length > MaxEmailLength)
        {
            return $"The email must be at most {MaxEmailLength} characters.";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
        {
            return "The email must have the form local-part@domain.";
        }

        if (at > MaxLocalPartLength)
        {
            return $"The part before @ must be at most {MaxLocalPartLength} characters.";
        }

        if (HasControl(email) || HasWhiteSpace(email))
        {
            return "The email must not contain spaces or control characters.";
        }

        if (!IsDomain(email.AsSpan(at + 1)) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return "The email is not a valid address.";
        }

        return null;
    }

    /// <summary>Why <paramref name="name"/> is not acceptable, or null when it is.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The name is required.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"The name must be 1 to {MaxNameLength} characters.";
        }

        if (HasControl(name))
        {
            return "The name must not contain control characters.";
        }

        return null;
    }

    // Not LINQ: every consumed event is checked, and a delegate call per character was a tenth of decoding.
    // char.IsControl's characters are exactly these two ranges (Unicode category Cc).
    private static bool HasControl(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\u0000', '\u001F') || text.ContainsAnyInRange('\u007F', '\u009F');

    private static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    // A host name with at least two labels of letters, digits and inner hyphens.
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
        }

        return labels >= 2;
    }
}
