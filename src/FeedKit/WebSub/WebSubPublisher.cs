using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using FeedKit.Model;

namespace FeedKit.WebSub;

/// <summary>
/// Tells WebSub hubs that a feed changed, so they fetch it and push it to subscribers: a form POST of
/// <c>hub.mode=publish</c> and <c>hub.url=</c> the topic (the feed's self link) to each hub.
/// </summary>
/// <remarks>
/// Every attempt has its own timeout. Network errors, timeouts and 5xx answers are retried with exponential
/// back-off, no jitter (a 5xx answer's <c>Retry-After</c> in seconds is honoured when it is not longer than
/// <see cref="WebSubPublisherOptions.MaxDelay"/>); any 4xx answer is final and never retried (the request itself is wrong). Any 2xx is success (hubs
/// answer 202 or 204). The result says what happened at each hub; only cancellation throws.
/// </remarks>
public sealed class WebSubPublisher
{
    private readonly HttpClient _http;
    private readonly WebSubPublisherOptions _options;

    /// <summary>Creates a publisher.</summary>
    /// <param name="http">The client to send with (from <c>IHttpClientFactory</c> in an app); its own timeout should be longer than <see cref="WebSubPublisherOptions.Timeout"/>.</param>
    /// <param name="options">Timeouts and retries; null for <see cref="WebSubPublisherOptions.Default"/>.</param>
    public WebSubPublisher(HttpClient http, WebSubPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _options = options ?? WebSubPublisherOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
    }

    /// <summary>Notifies every hub of <paramref name="info"/> that its self link changed, one after another.</summary>
    /// <param name="info">The feed: its <see cref="FeedInfo.Hubs"/> and <see cref="FeedInfo.SelfUrl"/> (the topic).</param>
    /// <param name="cancellationToken">Stops the publishing.</param>
    /// <returns>One result per hub, in the order of <see cref="FeedInfo.Hubs"/>.</returns>
    public async Task<ImmutableArray<WebSubPublishResult>> PublishAsync(FeedInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var topic = info.SelfUrl ?? throw new ArgumentException("FeedInfo.SelfUrl is the WebSub topic and is required.", nameof(info));
        var results = ImmutableArray.CreateBuilder<WebSubPublishResult>(info.Hubs.Length);
        foreach (var hub in info.Hubs)
        {
            results.Add(await PublishAsync(hub, topic, cancellationToken).ConfigureAwait(false));
        }

        return results.MoveToImmutable();
    }

    /// <summary>Notifies one hub that <paramref name="topic"/> changed.</summary>
    /// <param name="hub">The hub's absolute http(s) URL.</param>
    /// <param name="topic">The feed's self link.</param>
    /// <param name="cancellationToken">Stops the publishing (between attempts, or during one).</param>
    /// <returns>What happened.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WebSubPublishResult> PublishAsync(Uri hub, Uri topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(topic);
        if (!hub.IsAbsoluteUri || (hub.Scheme != Uri.UriSchemeHttp && hub.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The hub \"{hub.OriginalString}\" is not an absolute http or https URL.", nameof(hub));
        }

        if (!topic.IsAbsoluteUri)
        {
            throw new ArgumentException($"The topic \"{topic.OriginalString}\" is not an absolute URL.", nameof(topic));
        }

        var delay = _options.InitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            string error;
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, hub)
                    {
                        Content = new FormUrlEncodedContent([new("hub.mode", "publish"), new("hub.url", topic.AbsoluteUri)]),
                    };
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    status = response.StatusCode;
                    var code = (int)response.StatusCode;
                    if (code is >= 200 and < 300)
                    {
                        return new WebSubPublishResult(hub, true, status, attempt, null);
                    }

                    error = $"the hub answered {code} {response.ReasonPhrase}";
                    if (code is >= 400 and < 500)
                    {
                        return new WebSubPublishResult(hub, false, status, attempt, error + " (a client error: not retried)");
                    }

                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    error = $"no answer within {_options.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s";
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
            }

            if (attempt >= _options.MaxAttempts)
            {
                return new WebSubPublishResult(hub, false, status, attempt, $"{error} (gave up after {attempt} attempts)");
            }

            var wait = retryAfter is { } after && after <= _options.MaxDelay ? after : delay;
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxDelay.Ticks));
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta is { } delta && delta >= TimeSpan.Zero ? delta : null;
}

/// <summary>Timeouts and retries of <see cref="WebSubPublisher"/>.</summary>
public sealed record WebSubPublisherOptions
{
    /// <summary>10 s per attempt, 4 attempts, back-off from 1 s doubling up to 30 s.</summary>
    public static WebSubPublisherOptions Default { get; } = new();

    /// <summary>How long one attempt may take, answer included. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per hub, the first included (at least 1). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles after each failed attempt. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (and the longest <c>Retry-After</c> honoured). Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What happened when a hub was notified.</summary>
/// <param name="Hub">The hub.</param>
/// <param name="Succeeded">True when the hub answered 2xx.</param>
/// <param name="StatusCode">The last answer's status; null when no answer came (network error, timeout).</param>
/// <param name="Attempts">How many requests were sent.</param>
/// <param name="Error">Why it failed; null on success.</param>
public sealed record WebSubPublishResult(Uri Hub, bool Succeeded, HttpStatusCode? StatusCode, int Attempts, string? Error);
