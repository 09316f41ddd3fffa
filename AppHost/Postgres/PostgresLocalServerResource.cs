namespace Signups.AppHost.Postgres;

/// <summary>
/// A PostgreSQL server run by DCP from the machine's own binaries (no container engine here): a cluster under the data
/// directory, listening on loopback on the port Aspire allocates, its superuser's password an Aspire secret parameter.
/// </summary>
internal sealed class PostgresLocalServerResource(string name, string command, string workingDirectory, PostgresInstallation installation, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    private EndpointReference? _primaryEndpoint;

    public PostgresInstallation Installation { get; } = installation;

    /// <summary>The cluster's directory (<c>PGDATA</c>), initialised once.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
