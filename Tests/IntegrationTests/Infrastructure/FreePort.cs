using System.Net;
using System.Net.Sockets;

namespace Signups.IntegrationTests.Infrastructure;

/// <summary>Free loopback TCP ports for services that get a random one.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
