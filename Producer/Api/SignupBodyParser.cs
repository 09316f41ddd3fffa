using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Signups.Messaging;

namespace Signups.Producer.Api;

/// <summary>
/// Turns request bodies into checked signups, collecting every problem as a per-field error (field name to
/// messages, as in RFC 9457 validation problems): the body as a whole under <c>body</c>, fields under their
/// JSON names.
/// </summary>
internal static class SignupBodyParser
{
    public const string BodyField = "body";

    /// <summary>The signup in <paramref name="json"/>, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static SignupRequest? ParseSignup(byte[] json, Dictionary<string, string[]> errors) =>
        Deserialize(json, ProducerJsonContext.Default.SignupBody, errors, "email and name") is { } body
            ? Check(body, errors)
            : null;

    /// <summary>The batch's items (unchecked), or null with the reasons added to <paramref name="errors"/>.</summary>
    public static List<JsonElement>? ParseBatch(byte[] json, Dictionary<string, string[]> errors)
    {
        var batch = Deserialize(json, ProducerJsonContext.Default.SignupBatchBody, errors, "a signups array");
        if (batch is null)
        {
            return null;
        }

        if (batch.Signups is null)
        {
            errors["signups"] = ["The signups member is required: an array of {\"email\", \"name\"} objects."];
        }

        return batch.Signups;
    }

    /// <summary>One batch item as a checked signup, or null with its errors in <paramref name="errors"/>.</summary>
    public static SignupRequest? CheckItem(JsonElement item, Dictionary<string, string[]> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors[BodyField] = [$"Each signup must be a JSON object with email and name, not {Describe(item.ValueKind)}."];
            return null;
        }

        try
        {
            return Check(item.Deserialize(ProducerJsonContext.Default.SignupBody)!, errors);
        }
        catch (JsonException e)
        {
            errors[FieldOf(e.Path) ?? BodyField] = [$"The {FieldOf(e.Path) ?? "signup"} is given more than once."];
            return null;
        }
    }

    /// <summary>Checks each field against <see cref="SignupFieldRules"/>; every field gets its own error.</summary>
    public static SignupRequest? Check(SignupBody body, Dictionary<string, string[]> errors)
    {
        var email = Field(body.Email, "email", SignupFieldRules.CheckEmail, errors);
        var name = Field(body.Name, "name", SignupFieldRules.CheckName, errors);
        return email is not null && name is not null ? new SignupRequest(email, name) : null;
    }

    private static string? Field(JsonElement value, string field, Func<string?, string?> rule, Dictionary<string, string[]> errors)
    {
        string? text = null;
        var error = value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => rule(null),
            JsonValueKind.String => rule(text = value.GetString()),
            var kind => $"The {field} must be a JSON string, not {Describe(kind)}.",
        };
        if (error is null)
        {
            return text;
        }

        errors[field] = [error];
        return null;
    }

    private static T? Deserialize<T>(byte[] json, JsonTypeInfo<T> type, Dictionary<string, string[]> errors, string expected)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type)
                ?? Refuse<T>(errors, $"The body must be a JSON object with {expected}, not null.");
        }
        catch (JsonException e)
        {
            if (json.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                return Refuse<T>(errors, $"The body is empty; send a JSON object with {expected}.");
            }

            // Only on the failure path: tell broken JSON from JSON of the wrong shape.
            var first = FirstToken(json, out var syntaxError);
            if (first is null)
            {
                return Refuse<T>(errors, $"The body is not valid JSON: {syntaxError}");
            }

            if (first != JsonTokenType.StartObject)
            {
                return Refuse<T>(errors, $"The body must be a JSON object with {expected}, not {Describe(first.Value)}.");
            }

            if (syntaxError is not null)
            {
                return Refuse<T>(errors, $"The body is not valid JSON: {syntaxError}");
            }

            // Well-formed, an object: a member given twice, or (batch) signups that is not an array.
            var field = FieldOf(e.Path);
            return field is null
                ? Refuse<T>(errors, $"The body must be a JSON object with {expected}.")
                : Refuse<T>(errors, field == "signups" ? "The signups member must be one JSON array." : $"The {field} is given more than once.", field);
        }
    }

    private static T? Refuse<T>(Dictionary<string, string[]> errors, string message, string field = BodyField)
        where T : class
    {
        errors[field] = [message];
        return null;
    }

    // The first token of the body, and the first syntax error anywhere in it.
    private static JsonTokenType? FirstToken(byte[] json, out string? syntaxError)
    {
        var reader = new Utf8JsonReader(json);
        JsonTokenType? first = null;
        syntaxError = null;
        try
        {
            while (reader.Read())
            {
                first ??= reader.TokenType;
            }
        }
        catch (JsonException e)
        {
            syntaxError = e.Message;
        }

        return first;
    }

    // "$.email" -> "email"; null for the root or anything deeper.
    private static string? FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) && path.IndexOfAny(['.', '['], 2) < 0
            ? path[2..].ToLowerInvariant()
            : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
