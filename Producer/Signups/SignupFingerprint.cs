using System.Security.Cryptography;
using System.Text;
using Signups.Producer.Api;

namespace Signups.Producer.Signups;

/// <summary>
/// What makes two requests "the same signup" for an Idempotency-Key: SHA-256 of the checked fields, not of the
/// raw bytes, so a retry that formats its JSON differently is still the same request.
/// </summary>
internal static class SignupFingerprint
{
    public static byte[] Of(SignupRequest request) =>
        // Neither field may hold a control character (SignupFieldRules), so '\n' separates them unambiguously.
        SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Email}\n{request.Name}"));
}
