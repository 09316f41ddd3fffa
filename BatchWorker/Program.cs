using Signups.BatchWorker.Extensions;
using Signups.Consuming;
using Signups.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBatchWorker();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapConsumerStats();
return await app.RunServiceAsync();
