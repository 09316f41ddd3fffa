namespace Signups.Producer.Api;

/// <summary>The answer to <c>POST /signups/batch</c>: counts, and one result per item in request order.</summary>
internal sealed record SignupBatchResponse(int Accepted, int Rejected, int Failed, IReadOnlyList<BatchItemResult> Results);
