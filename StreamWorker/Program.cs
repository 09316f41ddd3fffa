using Signups.Consuming;
using Signups.ServiceDefaults.Hosting;
using Signups.StreamWorker.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStreamWorker();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapConsumerStats();
return await app.RunServiceAsync();
