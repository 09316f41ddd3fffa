using Signups.Producer.Api;
using Signups.Producer.Extensions;
using Signups.Producer.Load;
using Signups.ServiceDefaults.Hosting;

if (LoadCommand.Matches(args))
{
    return await LoadCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSignupPublisher();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSignupsApi();
return await app.RunServiceAsync();
