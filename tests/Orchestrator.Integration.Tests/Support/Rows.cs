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

    public static Broker PaperBroker() => new()
    {
        BrokerId = "paper",
        BrokerName = "Paper broker",
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
