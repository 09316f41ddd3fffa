using Microsoft.Extensions.Options;
using Signups.DevBroker.Mock;

namespace Signups.DevBroker;

internal static class DevBrokerExtensions
{
    public static IHostApplicationBuilder AddDevBroker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevBrokerOptions>()
            .BindConfiguration(DevBrokerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => MockCluster.Start(sp.GetRequiredService<IOptions<DevBrokerOptions>>().Value.Brokers));
        builder.Services.AddHostedService<MockClusterHost>();
        builder.Services.AddHostedService<BootstrapForwarder>();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
