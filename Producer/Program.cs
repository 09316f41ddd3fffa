using Signups.Producer.Api;
using Signups.Producer.Extensions;
using Signups.Producer.Load;
using Signups.ServiceDefaults.Hosting;

if (LoadCommand.Matches(args))
{
    return await LoadCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSignupsApi();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSignupsApi();
return await app.RunServiceAsync();
