using System.Net;
using FeedKit.WebSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedKit.AspNetCore;

/// <summary>Registers FeedKit's <see cref="WebSubPublisher"/> with dependency injection.</summary>
public static class WebSubServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that <see cref="AddFeedKitWebSub"/> registers.</summary>
    public const string HttpClientName = "FeedKit.WebSub";

    /// <summary>
    /// Registers <see cref="WebSubPublisher"/> (transient) on a named <see cref="HttpClient"/> from
    /// <c>IHttpClientFactory</c> (<see cref="HttpClientName"/>) that follows no redirects and retries through the
    /// standard resilience handler of <c>Microsoft.Extensions.Http.Resilience</c> (retries with back-off and
    /// jitter for network errors, 408, 429 and 5xx answers, honouring <c>Retry-After</c>; a circuit breaker; attempt
    /// and total timeouts). Each notification is logged once (<see cref="FeedKitLog.WebSubPing"/>). The publisher then makes one attempt per hub (<see cref="WebSubPublisherOptions.MaxAttempts"/>
    /// 1) that may last as long as the handler's total timeout, so that the handler alone retries.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configureResilience">Changes the standard resilience options (retries, timeouts); null for the defaults.</param>
    /// <returns>The client's builder, for more handlers or configuration.</returns>
    public static IHttpClientBuilder AddFeedKitWebSub(this IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var resilience = new HttpStandardResilienceOptions();
        configureResilience?.Invoke(resilience);

        // The publisher's own timeout only backs up the handler's total timeout, which applies first.
        var options = new WebSubPublisherOptions
        {
            MaxAttempts = 1,
            Timeout = resilience.TotalRequestTimeout.Timeout + TimeSpan.FromSeconds(5),
        };
        services.TryAddTransient(provider => new WebSubPublisher(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), options));
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // WebSub publishing follows no redirects (see WebSubPublisher).
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // Outside the resilience handler: one log event per notification, however many attempts it took.
            .AddHttpMessageHandler(provider => new WebSubLoggingHandler(provider.GetService<ILoggerFactory>()?.CreateLogger(FeedKitLog.Category) ?? NullLogger.Instance));
        builder.AddStandardResilienceHandler(configureResilience ?? (_ => { }));
        return builder;
    }
}

/// <summary>Logs each WebSub notification (after the resilience handler's retries) as <see cref="FeedKitLog.WebSubPing"/>.</summary>
internal sealed class WebSubLoggingHandler(ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The hub without its query: a hub URL may carry a token there.
        var hub = request.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : string.Empty;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            FeedKitLog.Ping(
                logger,
                status is >= 200 and < 300 ? LogLevel.Information : LogLevel.Warning,
                hub,
                FormattableString.Invariant($"{status} {response.ReasonPhrase}"),
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            FeedKitLog.Ping(logger, LogLevel.Warning, hub, e.GetType().Name + ": " + e.Message, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
