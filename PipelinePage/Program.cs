using Signups.PipelinePage.Page;
using Signups.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPipelinePage();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPipelinePage();
return await app.RunServiceAsync();
