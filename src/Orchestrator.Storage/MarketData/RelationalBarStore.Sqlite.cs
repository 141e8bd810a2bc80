using System.Data.Common;
using Orchestrator.Domain.MarketData;

namespace Orchestrator.Storage.MarketData;

public sealed partial class RelationalBarStore
{
    private static readonly string SqliteUpsert =
        $"""
        INSERT INTO market_data_1m ({MinuteBars.ColumnList}) VALUES ({string.Join(", ", MinuteBars.Columns.Select(c => "@" + c))})
        ON CONFLICT (symbol, timestamp) DO UPDATE SET {string.Join(", ", MinuteBars.Columns[2..].Select(c => $"{c} = excluded.{c}"))}
        """;

    /// <summary>
    /// One single-row upsert prepared once and re-bound per row, <see cref="BatchSize"/> rows per transaction (as
    /// <c>ApiUsageBulkWriter</c>: multi-row statements are slower with Microsoft.Data.Sqlite's by-name binding).
    /// Prices are rounded to DECIMAL(15,8)'s 8 places, as PostgreSQL would, so both stores read back the same bars.
    /// </summary>
    private static async Task<long> InsertOrUpdateAsync(
        DbConnection connection, IAsyncEnumerator<StoredBar> source, IProgress<long>? progress, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteUpsert;
        foreach (var column in MinuteBars.Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }

        long total = 0;
        var more = await source.MoveNextAsync();
        while (more)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            command.Transaction = transaction;
            await command.PrepareAsync(ct);
            var rows = 0;
            for (; more && rows < BatchSize; rows++, more = await source.MoveNextAsync())
            {
                Bind(command.Parameters, MinuteBars.Checked(source.Current));
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            total += rows;
            progress?.Report(total);
        }

        return total;
    }

    /// <summary>
    /// Sets one row's parameters in <see cref="MinuteBars.Columns"/> order. Decimals are bound as decimals:
    /// Microsoft.Data.Sqlite writes them as the same text EF Core's model writes.
    /// </summary>
    private static void Bind(DbParameterCollection parameters, StoredBar bar)
    {
        parameters[0].Value = bar.Symbol;
        parameters[1].Value = SqliteTime(bar.Start);
        parameters[2].Value = MinuteBars.Price(bar.Bar.Open);
        parameters[3].Value = MinuteBars.Price(bar.Bar.High);
        parameters[4].Value = MinuteBars.Price(bar.Bar.Low);
        parameters[5].Value = MinuteBars.Price(bar.Bar.Close);
        parameters[6].Value = MinuteBars.Volume(bar.Bar.Volume);
        parameters[7].Value = (object?)MinuteBars.Price(bar.Vwap) ?? DBNull.Value;
        parameters[8].Value = (object?)MinuteBars.Price(bar.Bid) ?? DBNull.Value;
        parameters[9].Value = (object?)MinuteBars.Price(bar.Ask) ?? DBNull.Value;
        parameters[10].Value = (object?)MinuteBars.Size(bar.BidSize) ?? DBNull.Value;
        parameters[11].Value = (object?)MinuteBars.Size(bar.AskSize) ?? DBNull.Value;
    }
}
