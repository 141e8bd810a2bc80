using System.Globalization;
using Orchestrator.Domain.Matching.Book;
using Orchestrator.Domain.Matching.Fees;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching;

/// <summary>The matching loops: an incoming order against the last market, and a bar or quote against the book.</summary>
public sealed partial class PaperExchange
{
    /// <summary>
    /// Fills an incoming order against the symbol's last market, as far as it is marketable and volume remains.
    /// Returns false when a FOK order could not fill completely (it is then cancelled, with no fill).
    /// </summary>
    private bool MatchIncoming(SymbolBook book, BookEntry entry, DateTimeOffset now)
    {
        var side = book.SideOf(entry.Side);
        var buy = entry.Side == OrderSide.Buy;
        decimal price = 0m, volume = 0m, available = 0m;
        var known = true;
        var fromQuote = book.LastIsQuote && book.LastQuote is not null;
        if (fromQuote)
        {
            var quote = book.LastQuote!.Value;
            price = buy ? quote.Ask : quote.Bid;
            volume = buy ? quote.AskSize : quote.BidSize;
            available = RoundDown(volume) - side.TakenFromQuote;
        }
        else if (book.HasBar)
        {
            price = book.LastBarClose;
            volume = book.LastBarVolume;
            available = RoundDown(_options.ParticipationRate * volume) - side.TakenFromBar;
        }
        else
        {
            known = false;
        }

        var quantity = 0m;
        if (known)
        {
            if (entry.IsWaitingStop && MatchingRules.IsStopTriggeredAt(entry.Side, entry.StopPrice!.Value, price))
            {
                entry.Triggered = true;
                entry.TriggeredInRound = _round;
            }

            if (!entry.IsWaitingStop && (entry.IsMarketLike || MatchingRules.IsMarketable(entry.Side, entry.LimitPrice!.Value, price)))
            {
                quantity = Math.Min(entry.Remaining, Math.Max(available, 0m));
            }
        }

        if (entry.TimeInForce == TimeInForce.Fok && quantity < entry.Remaining)
        {
            Add(new ExchangeEvent(
                ExchangeEventKind.Cancelled, entry.AccountId, entry.OrderId, now, Reason: $"FOK could not fill {entry.Remaining} at once"));
            return false;
        }

        if (quantity > 0m)
        {
            Fill(entry, quantity, AggressivePrice(entry, price, quantity, volume), Liquidity.Aggressive, now);
            if (fromQuote)
            {
                side.TakenFromQuote += quantity;
            }
            else
            {
                side.TakenFromBar += quantity;
            }
        }

        return true;
    }

    /// <summary>One side of the book against a bar or quote: trigger stops, then fill in priority until the volume runs out.</summary>
    private void MatchSide(SideBook side, in MatchRound round)
    {
        TriggerStops(side, round);
        var available = round.IsQuote
            ? RoundDown(round.Volume(side.Side)) - side.TakenFromQuote
            : RoundDown(_options.ParticipationRate * round.Bar.Volume) - side.TakenFromBar;
        var start = available;
        if (available > 0m && side.Market.Live > 0)
        {
            FillQueue(side.Market, round, ref available);
        }

        var limits = side.Limits;
        while (available > 0m && limits.Count > 0)
        {
            var level = limits[0];
            if (!round.ReachesLimit(side.Side, level.Price))
            {
                break;
            }

            FillQueue(level, round, ref available);
            if (level.Live > 0)
            {
                break;
            }
        }

        if (round.IsQuote)
        {
            side.TakenFromQuote += start - available;
        }
        else
        {
            side.TakenFromBar += start - available;
        }
    }

    /// <summary>Moves every stop the round reaches to where it now works: a stop to the market queue, a stop-limit to its limit level.</summary>
    private void TriggerStops(SideBook side, in MatchRound round)
    {
        var stops = side.Stops;
        while (stops.Count > 0)
        {
            var level = stops[0];
            if (!round.Triggers(side.Side, level.Price))
            {
                return;
            }

            stops.Remove(level);
            foreach (var entry in level.Entries)
            {
                if (entry is null || entry.Done)
                {
                    continue;
                }

                entry.Triggered = true;
                entry.TriggeredInRound = _round;
                side.Add(entry);
            }
        }
    }

    private void FillQueue(OrderQueue queue, in MatchRound round, ref decimal available)
    {
        foreach (var entry in queue.Entries)
        {
            if (available <= 0m)
            {
                return;
            }

            if (entry is null || entry.Done)
            {
                continue;
            }

            var (price, liquidity) = round.PriceFor(entry, incoming: entry.TriggeredInRound == _round);
            var quantity = Math.Min(entry.Remaining, available);
            if (liquidity == Liquidity.Aggressive)
            {
                price = AggressivePrice(entry, price, quantity, round.Volume(entry.Side));
            }

            available -= quantity;
            Fill(entry, quantity, price, liquidity, round.At);
        }
    }

    private void Fill(BookEntry entry, decimal quantity, decimal price, Liquidity liquidity, DateTimeOffset at)
    {
        var commission = _options.FeeModel.Commission(new FeeContext(quantity, price, !entry.HasFilled));
        entry.HasFilled = true;
        entry.Remaining -= quantity;
        var tradeId = TradeId(NextTradeSequence++);
        var execution = new Execution(
            entry.OrderId, entry.AccountId, tradeId, entry.Symbol, entry.Side, quantity, price, commission, liquidity, at);
        Add(new ExchangeEvent(ExchangeEventKind.Fill, entry.AccountId, entry.OrderId, at, execution));
        if (entry.Remaining == 0m)
        {
            if (entry.Queue is null)
            {
                entry.Done = true;
            }
            else
            {
                Finish(entry);
            }
        }
    }

    /// <summary>Prefix + the sequence in (at least) 10 digits, formatted straight into the string: one allocation per fill.</summary>
    private string TradeId(long sequence)
    {
        var digits = 10;
        for (var rest = sequence / 10_000_000_000; rest > 0; rest /= 10)
        {
            digits++;
        }

        return string.Create(_options.TradeIdPrefix.Length + digits, (_options.TradeIdPrefix, sequence), static (span, state) =>
        {
            state.TradeIdPrefix.CopyTo(span);
            state.sequence.TryFormat(span[state.TradeIdPrefix.Length..], out _, "D10", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Slippage moves an aggressive fill against the trader, but never beyond a limit order's limit.</summary>
    private decimal AggressivePrice(BookEntry entry, decimal price, decimal quantity, decimal volume) =>
        MatchingRules.CapAtLimit(entry.Side, _options.SlippageModel.Apply(entry.Side, price, quantity, volume), entry.LimitPrice);

    private decimal RoundDown(decimal quantity) =>
        _options.QuantityIncrement > 0m ? Math.Floor(quantity / _options.QuantityIncrement) * _options.QuantityIncrement : quantity;
}
