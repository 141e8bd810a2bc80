namespace Orchestrator.Server.Security;

/// <summary>
/// API keys' <c>allowed_endpoints</c>: each pattern is a path with an optional method in front,
/// <c>[METHOD ]/api/v1/segment/*/...</c>, where <c>*</c> matches one path segment and a trailing <c>**</c>
/// matches the rest of the path (zero or more segments). Matching ignores case and a trailing slash.
/// Examples: <c>GET /api/v1/me</c>, <c>/api/v1/api-keys/*</c>, <c>/api/v1/**</c>.
/// </summary>
public static class EndpointPatterns
{
    public static bool IsValid(string pattern)
    {
        var (method, path) = Split(pattern);
        return path.StartsWith('/') && (method is null || method.All(char.IsAsciiLetterUpper))
            && !path.Split('/').SkipLast(1).Contains("**");
    }

    public static bool Matches(string pattern, string method, string path)
    {
        var (patternMethod, patternPath) = Split(pattern);
        if (patternMethod is not null && !string.Equals(patternMethod, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var want = patternPath.Trim('/').Split('/');
        var have = path.Trim('/').Split('/');
        for (var i = 0; i < want.Length; i++)
        {
            if (want[i] == "**")
            {
                return true;
            }

            if (i >= have.Length || (want[i] != "*" && !string.Equals(want[i], have[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return want.Length == have.Length;
    }

    private static (string? Method, string Path) Split(string pattern)
    {
        var trimmed = pattern.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0 ? (null, trimmed) : (trimmed[..space].ToUpperInvariant(), trimmed[(space + 1)..].Trim());
    }
}
