namespace FeedKit.Fuzz;

/// <summary>The property failed: output that is malformed, loses text, or differs from the reference.</summary>
public sealed class PropertyViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PropertyViolationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What broke.</param>
    public PropertyViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What broke.</param>
    /// <param name="inner">The cause.</param>
    public PropertyViolationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
