using Orchestrator.Storage.Model.Entities;

namespace Orchestrator.Integration.Tests.Support;

/// <summary>Minimal valid rows for tests, so each test states only what it is about.</summary>
public static class Rows
{
    public static User User(string email = "trader@example.com") => new()
    {
        Email = email,
        PasswordHash = "argon2id$test",
        FirstName = "Ada",
        LastName = "Lovelace",
    };

    /// <summary>A catalog row of its own (migration 20261126_003 already seeds the real 'paper' broker).</summary>
    public static Broker PaperBroker() => new()
    {
        BrokerId = "test-broker",
        BrokerName = "Test broker",
        BrokerType = "EQUITY",
    };

    public static UserBrokerAccount Account(User user, Broker broker) => new()
    {
        UserId = user.UserId,
        BrokerId = broker.BrokerId,
        BrokerAccountId = "PAPER-1",
        AccountName = "Paper",
    };

    public static Order Order(UserBrokerAccount account, DateTime submittedAt, string symbol = "AAPL") => new()
    {
        UserId = account.UserId,
        AccountId = account.AccountId,
        Symbol = symbol,
        Side = "BUY",
        OrderType = "LIMIT",
        Quantity = 100m,
        LimitPrice = 187.25m,
        Status = "NEW",
        SubmittedAt = submittedAt,
    };
}
