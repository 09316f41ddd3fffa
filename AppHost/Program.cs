using Signups.AppHost;

return await AppHostCommandLine.Create(AppHostRunner.RunAsync).Parse(args).InvokeAsync();
