using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeedKit.AspNetCore.Tests;

/// <summary>A logger provider that keeps every event logged under FeedKit's category, with its id and properties.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, EventId Id, string Message, IReadOnlyDictionary<string, object?> State);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IEnumerable<Entry> Events(EventId id) => Entries.Where(e => e.Id.Id == id.Id);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == FeedKitLog.Category;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category != FeedKitLog.Category)
            {
                return;
            }

            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            sink.Entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception), properties));
        }
    }
}
