using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore;

/// <summary>Registers FeedKit's application-wide options.</summary>
public static class FeedKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedKitOptions"/> (<c>IOptions&lt;FeedKitOptions&gt;</c>), bound from the configuration
    /// section <c>FeedKit</c> (<see cref="FeedKitOptions.SectionName"/>), then changed by
    /// <paramref name="configure"/>, so code wins over configuration. Feed endpoints and results that were not given
    /// their own <see cref="FeedEndpointOptions"/> use them; without this call they use the defaults.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options after the configuration is bound; null for none.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddFeedKit(this IServiceCollection services, Action<FeedKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FeedKitOptions>().BindConfiguration(FeedKitOptions.SectionName);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }
}
