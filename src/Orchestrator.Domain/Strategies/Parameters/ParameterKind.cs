namespace Orchestrator.Domain.Strategies.Parameters;

/// <summary>The JSON type of a strategy parameter.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (JSON Schema "integer").</summary>
    Integer,

    /// <summary>A decimal number (JSON Schema "number").</summary>
    Number,

    /// <summary>One of a fixed set of strings (JSON Schema "string" with "enum").</summary>
    Choice,

    /// <summary>true or false.</summary>
    Boolean,
}
