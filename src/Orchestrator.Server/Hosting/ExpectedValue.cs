namespace Orchestrator.Server.Hosting;

/// <summary>
/// What a client should send for a parameter or JSON member of a .NET type, in words. <see cref="Kind"/> is said
/// to a value of the wrong JSON kind ("a number", to <c>true</c>); <see cref="Detail"/> adds the range, for a value
/// of the right kind that does not fit ("a whole number from -2147483648 to 2147483647").
/// </summary>
internal sealed record ExpectedValue(string Kind, string Detail)
{
    /// <summary>Null when the type has no plain description (an object, say).</summary>
    public static ExpectedValue? Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && ElementType(type) is not null)
        {
            return Same("an array");
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Decimal => new("a number", "a number of magnitude at most 79228162514264337593543950335"),
            TypeCode.Double or TypeCode.Single => Same("a number"),
            TypeCode.Int32 => new("a whole number", "a whole number from -2147483648 to 2147483647"),
            TypeCode.Int64 => new("a whole number", "a whole number from -9223372036854775808 to 9223372036854775807"),
            TypeCode.Int16 => new("a whole number", "a whole number from -32768 to 32767"),
            TypeCode.Boolean => Same("true or false"),
            TypeCode.String => Same("a string"),
            TypeCode.DateTime => Same("an ISO 8601 date and time such as 2030-01-31T14:30:00Z"),
            _ when type == typeof(DateTimeOffset) => Same("an ISO 8601 date and time such as 2030-01-31T14:30:00Z"),
            _ when type == typeof(DateOnly) => Same("a date such as 2030-01-31"),
            _ when type == typeof(Guid) => Same("a UUID such as 0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f"),
            _ => null,
        };
    }

    /// <summary>The type of a collection's items (an array's, a list's), or null for a type that is no collection.</summary>
    public static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static ExpectedValue Same(string kind) => new(kind, kind);
}
