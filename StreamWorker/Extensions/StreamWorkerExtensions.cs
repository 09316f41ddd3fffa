using Microsoft.Extensions.Options;
using Signups.Messaging;
using Signups.Consuming;
using Signups.ServiceDefaults.Resilience;
using Signups.Storage;
using Signups.Storage.Postgres;
using Signups.StreamWorker.Users;
using Signups.StreamWorker.WelcomeEmails;

namespace Signups.StreamWorker.Extensions;

internal static class StreamWorkerExtensions
{
    /// <summary>The consumer group, unless <c>Aspire:Confluent:Kafka:Consumer:Config:GroupId</c> says otherwise.</summary>
    public const string ConsumerGroup = SignupConsumerGroups.StreamWorker;

    /// <summary>The users database's connection name.</summary>
    public const string UsersDb = "users-db";

    public static IHostApplicationBuilder AddStreamWorker(this IHostApplicationBuilder builder)
    {
        // Four tables keyed by event or user id: on SQLite a 32 MB page cache keeps their index pages in the process.
        var store = builder.AddServiceDatabase(UsersDb, UsersSchema.Sqlite, UsersSchema.Postgres, sqlitePageCacheMegabytes: 32);
        builder.AddPartitionLaneConsumer<SignupEffectsHandler>(ConsumerGroup, "StreamWorker", ResiliencePipelineNames.Store);
        builder.ConsumeOnceReady(UsersDb, sp => sp.GetRequiredService<StoreReadiness>().WhenReady);
        if (store == StoreKind.Postgres)
        {
            builder.Services.AddSingleton(sp => new PostgresConsumerOffsetStore(sp.GetRequiredService<ConsumerState>().GroupId, Topic(sp)));
            builder.Services.AddSingleton<IUsersStore, PostgresUsersStore>();
            builder.Services.AddSingleton<IWelcomeEmailOutbox, PostgresWelcomeEmailOutbox>();
        }
        else
        {
            builder.Services.AddSingleton(sp => new SqliteConsumerOffsetStore(sp.GetRequiredService<ConsumerState>().GroupId, Topic(sp)));
            builder.Services.AddSingleton<IUsersStore, SqliteUsersStore>();
            builder.Services.AddSingleton<IWelcomeEmailOutbox, SqliteWelcomeEmailOutbox>();
        }

        builder.AddWelcomeEmails();
        return builder;
    }

    private static string Topic(IServiceProvider services) => services.GetRequiredService<IOptions<MessagingOptions>>().Value.Topic;

    private static void AddWelcomeEmails(this IHostApplicationBuilder builder)
    {
        var smtp = builder.Configuration.GetConnectionString("smtp");
        builder.Services.AddOptions<WelcomeEmailOptions>()
            .BindConfiguration(WelcomeEmailOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => System.Net.Mail.MailAddress.TryCreate(options.From, out _), $"{WelcomeEmailOptions.SectionName}:From is not an email address.")
            .Validate(_ => string.IsNullOrEmpty(smtp) || SmtpEndpoint.TryParse(smtp) is not null, SmtpEndpoint.Format)
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal>();
        if (!string.IsNullOrEmpty(smtp))
        {
            builder.Services.AddSingleton(_ => SmtpEndpoint.TryParse(smtp) ?? throw new InvalidOperationException(SmtpEndpoint.Format));
            builder.Services.AddSingleton<IWelcomeEmailSender, SmtpSender>();
        }
        else
        {
            builder.Services.AddSingleton<IWelcomeEmailSender, PickupDirectorySender>();
        }

        builder.Services.AddHostedService<WelcomeEmailDispatcher>();
    }
}
