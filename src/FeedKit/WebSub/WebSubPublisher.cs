using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FeedKit.Model;

namespace FeedKit.WebSub;

/// <summary>
/// Tells WebSub hubs that a feed changed, so they fetch it and push it to subscribers: a form POST of
/// <c>hub.mode=publish</c> and <c>hub.url=</c> the topic (the feed's self link) to each hub.
/// </summary>
/// <remarks>
/// <para>
/// Every attempt has its own timeout. Network errors, timeouts and 5xx answers are retried with exponential
/// back-off, no jitter (a 5xx answer's <c>Retry-After</c> in seconds is honoured when it is not longer than
/// <see cref="WebSubPublisherOptions.MaxDelay"/>); any 4xx answer is final and never retried (the request itself is wrong).
/// Only a 2xx answer from the hub URL itself is success (hubs answer 202 or 204). The result says what happened at
/// each hub, also when a handler of the client throws (a resilience handler's timeout, an open circuit); only
/// cancellation throws.
/// </para>
/// <para>
/// Redirects are never followed: a 3xx answer is a failure, not retried, whose error gives the <c>Location</c>
/// (a hub that moved is changed in <see cref="FeedInfo.Hubs"/>, where subscribers see it too). The client this
/// publisher creates itself follows none. An <see cref="HttpClient"/> passed in should not either (its handler's
/// <c>AllowAutoRedirect</c> false); if it does, the redirected request has already been sent when the answer comes
/// back, but the publisher sees that the answer is not from the hub URL (the response's
/// <see cref="HttpResponseMessage.RequestMessage"/> has another <see cref="HttpRequestMessage.RequestUri"/>) and
/// reports a failure, not retried, instead of success.
/// </para>
/// <para>
/// Hub and topic URLs must be absolute http(s) URLs without credentials (<c>user:password@</c>): hub URLs are
/// published in the feed, and the topic is sent to every hub.
/// </para>
/// </remarks>
public sealed class WebSubPublisher
{
    // One client for every publisher that brings none: no redirects, connections renewed so DNS changes are seen;
    // the per-attempt timeout is WebSubPublisherOptions.Timeout, so the client's own is off.
    private static readonly HttpClient OwnClient = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly HttpClient _http;
    private readonly WebSubPublisherOptions _options;

    /// <summary>Creates a publisher that sends with a client of its own, which follows no redirects.</summary>
    /// <param name="options">Timeouts and retries; null for <see cref="WebSubPublisherOptions.Default"/>.</param>
    public WebSubPublisher(WebSubPublisherOptions? options = null)
        : this(OwnClient, options)
    {
    }

    /// <summary>Creates a publisher that sends with <paramref name="http"/>.</summary>
    /// <param name="http">
    /// The client to send with (from <c>IHttpClientFactory</c> in an app). Its handler should follow no redirects
    /// (a redirected answer is reported as a failure, see the remarks of <see cref="WebSubPublisher"/>). An attempt
    /// ends at the shorter of its <see cref="HttpClient.Timeout"/> and <see cref="WebSubPublisherOptions.Timeout"/>.
    /// </param>
    /// <param name="options">Timeouts and retries; null for <see cref="WebSubPublisherOptions.Default"/>.</param>
    public WebSubPublisher(HttpClient http, WebSubPublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _options = options ?? WebSubPublisherOptions.Default;
    }

    /// <summary>Notifies every hub of <paramref name="info"/> that its self link changed, one after another.</summary>
    /// <param name="info">The feed: its <see cref="FeedInfo.Hubs"/> and <see cref="FeedInfo.SelfUrl"/> (the topic).</param>
    /// <param name="cancellationToken">Stops the publishing.</param>
    /// <returns>One result per hub, in the order of <see cref="FeedInfo.Hubs"/>.</returns>
    /// <exception cref="ArgumentException">
    /// The self link or a hub is not an absolute http(s) URL without credentials; thrown before any hub is notified.
    /// </exception>
    public async Task<ImmutableArray<WebSubPublishResult>> PublishAsync(FeedInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var topic = info.SelfUrl ?? throw new ArgumentException("FeedInfo.SelfUrl is the WebSub topic and is required.", nameof(info));
        CheckUrl(topic, "topic", nameof(info));
        foreach (var hub in info.Hubs)
        {
            CheckUrl(hub, "hub", nameof(info));
        }

        var results = ImmutableArray.CreateBuilder<WebSubPublishResult>(info.Hubs.Length);
        foreach (var hub in info.Hubs)
        {
            results.Add(await PublishAsync(hub, topic, cancellationToken).ConfigureAwait(false));
        }

        return results.MoveToImmutable();
    }

    /// <summary>Notifies one hub that <paramref name="topic"/> changed.</summary>
    /// <param name="hub">The hub's absolute http(s) URL, without credentials.</param>
    /// <param name="topic">The feed's self link: an absolute http(s) URL, without credentials.</param>
    /// <param name="cancellationToken">Stops the publishing (between attempts, or during one).</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentException"><paramref name="hub"/> or <paramref name="topic"/> is not an absolute http(s) URL without credentials.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WebSubPublishResult> PublishAsync(Uri hub, Uri topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(topic);
        CheckUrl(hub, "hub", nameof(hub));
        CheckUrl(topic, "topic", nameof(topic));

        var delay = TimeSpan.FromTicks(Math.Min(_options.InitialDelay.Ticks, _options.MaxDelay.Ticks));
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
                    if ((response.RequestMessage ?? request).RequestUri is { } answered && !SameUrl(answered, hub))
                    {
                        // The HttpClient followed a redirect: the answer is not the hub's.
                        return new WebSubPublishResult(hub, false, status, attempt, Invariant(
                            $"the hub redirected to {answered.AbsoluteUri}, which answered {code} {response.ReasonPhrase}: the HttpClient follows redirects, WebSub publishing does not (not retried)"));
                    }

                    if (code is >= 200 and < 300)
                    {
                        return new WebSubPublishResult(hub, true, status, attempt, null);
                    }

                    error = Invariant($"the hub answered {code} {response.ReasonPhrase}");
                    if (code is >= 300 and < 400)
                    {
                        var location = response.Headers.Location is { } to ? Invariant($" to {to.OriginalString}") : " without a Location";
                        return new WebSubPublishResult(hub, false, status, attempt, $"{error}, a redirect{location} (redirects are not followed: not retried)");
                    }

                    if (code is >= 400 and < 500)
                    {
                        return new WebSubPublishResult(hub, false, status, attempt, error + " (a client error: not retried)");
                    }

                    retryAfter = RetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // This attempt's timeout or the HttpClient's own, whichever is shorter, ended it: say which applied.
                    error = timeout.IsCancellationRequested
                        ? Invariant($"no answer within {_options.Timeout.TotalSeconds} s")
                        : e.InnerException is TimeoutException
                            ? Invariant($"no answer within {_http.Timeout.TotalSeconds} s (the HttpClient's Timeout, shorter than WebSubPublisherOptions.Timeout)")
                            : "the request was cancelled by the HttpClient";
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A handler in the client's pipeline gave up, e.g. a resilience handler's timeout or open circuit.
                    error = $"{e.GetType().Name}: {e.Message}";
                }
            }

            if (attempt >= _options.MaxAttempts)
            {
                return new WebSubPublishResult(hub, false, status, attempt, Invariant($"{error} (gave up after {attempt} {(attempt == 1 ? "attempt" : "attempts")})"));
            }

            var wait = retryAfter is { } after && after <= _options.MaxDelay ? after : delay;
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxDelay.Ticks));
        }
    }

    private static void CheckUrl(Uri url, string what, string parameter)
    {
        ArgumentNullException.ThrowIfNull(url, parameter);
        if (url.IsAbsoluteUri && url.UserInfo.Length > 0)
        {
            // The URL itself is left out of the message: it holds a secret.
            throw new ArgumentException(
                $"The {what} URL of {url.Host} carries credentials (user:password@): they would be sent in clear text to hubs or published in the feed, and WebSub sends none. Remove them.",
                parameter);
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The {what} \"{url.OriginalString}\" is not an absolute http or https URL.", parameter);
        }
    }

    private static bool SameUrl(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta is { } delta && delta >= TimeSpan.Zero ? delta : null;
}

/// <summary>Timeouts and retries of <see cref="WebSubPublisher"/>, checked when they are set.</summary>
public sealed record WebSubPublisherOptions
{
    /// <summary>The longest <see cref="Timeout"/>, <see cref="InitialDelay"/> and <see cref="MaxDelay"/>: one day.</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(1);

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly int _maxAttempts = 4;
    private readonly TimeSpan _initialDelay = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(30);

    /// <summary>10 s per attempt, 4 attempts, back-off from 1 s doubling up to 30 s.</summary>
    public static WebSubPublisherOptions Default { get; } = new();

    /// <summary>How long one attempt may take, answer included: more than zero, at most <see cref="MaxDuration"/>. Default 10 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than <see cref="MaxDuration"/>.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = value > TimeSpan.Zero && value <= MaxDuration ? value : throw OutOfRange(nameof(Timeout), value, "more than zero");
    }

    /// <summary>Attempts per hub, the first included: at least 1. Default 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), string.Create(CultureInfo.InvariantCulture, $"WebSubPublisherOptions.MaxAttempts must be at least 1; it was {value}."));
    }

    /// <summary>
    /// The wait before the second attempt; it doubles after each failed attempt, up to <see cref="MaxDelay"/> (which
    /// also caps this first wait). Zero or more, at most <see cref="MaxDuration"/>. Default 1 second.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="MaxDuration"/>.</exception>
    public TimeSpan InitialDelay
    {
        get => _initialDelay;
        init => _initialDelay = value >= TimeSpan.Zero && value <= MaxDuration ? value : throw OutOfRange(nameof(InitialDelay), value, "zero or more");
    }

    /// <summary>
    /// The longest wait between two attempts (and the longest <c>Retry-After</c> honoured): zero or more, at most
    /// <see cref="MaxDuration"/>. Default 30 seconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="MaxDuration"/>.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        init => _maxDelay = value >= TimeSpan.Zero && value <= MaxDuration ? value : throw OutOfRange(nameof(MaxDelay), value, "zero or more");
    }

    private static ArgumentOutOfRangeException OutOfRange(string option, TimeSpan value, string least) =>
        new(option, string.Create(CultureInfo.InvariantCulture, $"WebSubPublisherOptions.{option} must be {least} and at most one day ({MaxDuration:c}); it was {value:c}."));
}

/// <summary>What happened when a hub was notified.</summary>
/// <param name="Hub">The hub.</param>
/// <param name="Succeeded">True when the hub URL itself answered 2xx.</param>
/// <param name="StatusCode">The last answer's status; null when no answer came (network error, timeout).</param>
/// <param name="Attempts">How many requests were sent.</param>
/// <param name="Error">Why it failed; null on success.</param>
public sealed record WebSubPublishResult(Uri Hub, bool Succeeded, HttpStatusCode? StatusCode, int Attempts, string? Error);
