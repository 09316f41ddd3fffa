using Confluent.Kafka;
using Signups.DevBroker.Contracts;
using Signups.DevBroker.Mock;

namespace Signups.DevBroker;

/// <summary>The control API: describe the cluster, create topics, and inject faults.</summary>
internal static class DevBrokerApi
{
    public static IEndpointRouteBuilder MapDevBrokerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cluster", (MockCluster cluster) => cluster.Describe());

        endpoints.MapPost("/topics", (TopicDescription topic, MockCluster cluster) =>
            Run(() => cluster.CreateTopic(topic.Name, topic.Partitions)));

        endpoints.MapPost("/brokers/{id:int}/down", (int id, MockCluster cluster) => Run(() => cluster.SetBrokerUp(id, up: false)));
        endpoints.MapPost("/brokers/{id:int}/up", (int id, MockCluster cluster) => Run(() => cluster.SetBrokerUp(id, up: true)));
        endpoints.MapPost("/brokers/{id:int}/rtt", (int id, RoundTripTimeRequest request, MockCluster cluster) =>
            Run(() => cluster.SetRoundTripTime(id, request.Milliseconds)));

        endpoints.MapPost("/partitions/{topic}/{partition:int}/leader/{brokerId:int}", (string topic, int partition, int brokerId, MockCluster cluster) =>
            Run(() => cluster.SetPartitionLeader(topic, partition, brokerId)));

        endpoints.MapPost("/errors", (RequestErrorsRequest request, MockCluster cluster) =>
        {
            var codes = new List<ErrorCode>();
            foreach (var name in request.Errors)
            {
                if (!Enum.TryParse<ErrorCode>(name, ignoreCase: true, out var code))
                {
                    return Results.Problem($"Unknown error '{name}'; use a Confluent.Kafka ErrorCode name such as NotLeaderForPartition.", statusCode: 400);
                }

                codes.Add(code);
            }

            return Run(() => cluster.PushRequestErrors(request.ApiKey, codes));
        });

        return endpoints;
    }

    private static IResult Run(Action operation)
    {
        try
        {
            operation();
            return Results.NoContent();
        }
        catch (MockClusterException e)
        {
            return Results.Problem(e.Message, statusCode: 400);
        }
    }
}
