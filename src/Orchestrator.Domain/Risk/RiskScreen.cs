using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Risk;

/// <summary>
/// The checklist's fast path: the same figures as the rules in <c>Rules/</c>, in <see cref="double"/>, deciding only
/// "every figure is clearly inside its limit". Why: a decimal operation costs 10 to 20 ns and a passing order
/// needs about 25 of them, which would add some 40% to the matching engine's per-order cost; in double the whole
/// screen costs a lookup and a few nanoseconds.
/// <para>
/// It never rejects and never decides a boundary. Every comparison keeps an absolute margin of 1e-9 × the sum
/// of the magnitudes it touches (cash, equity, gross exposure, the order's notional, …), while the rounding error
/// of a double sum of a dozen terms is about 1e-15 of that sum; the decimals converted in are exact to within
/// one rounding (<see cref="RiskContext"/> converts them whenever they change). An order within the margin of
/// any limit, any order the kill switch or the daily loss concerns, and any order it cannot call (a reduction to
/// within a rounding of zero) goes to the exact decimal rules, which alone say what is refused and why.
/// </para>
/// Keep it in step with the rules: <c>RiskScreenTests</c> checks on random portfolios that the checklist with the
/// screen and the rules without it agree.
/// </summary>
internal static class RiskScreen
{
    private const double Margin = 1e-9;

    public static bool ClearlyPasses(RiskContext context, Order order, decimal referencePrice, RiskContext.SymbolState? state)
    {
        if (context.KillSwitch != KillSwitchState.Active || context.DailyLossHit)
        {
            return false;
        }

        var limits = context.Limits;
        var buy = order.Side == OrderSide.Buy;
        var price = (double)referencePrice;
        var quantity = (double)order.Quantity;
        double held = 0.0, pending = 0.0, mark = 0.0, exposureBefore = 0.0, riskBefore = 0.0, stop = double.NaN;
        double sectorExposure = 0.0, movesWithLong = 0.0, movesWithShort = 0.0;
        bool hasSector;
        if (state is null)
        {
            var name = context.SectorOf(order.Symbol);
            hasSector = name is not null;
            sectorExposure = name is null ? 0.0 : context.SectorTotalNamed(name)?.ExposureD ?? 0.0;
        }
        else
        {
            hasSector = state.Sector is not null;
            sectorExposure = state.Sector?.ExposureD ?? 0.0;
        }

        if (state is not null)
        {
            held = state.QuantityD;
            pending = buy ? state.PendingBuyD : state.PendingSellD;
            mark = state.MarkD;
            exposureBefore = state.ExposureD;
            riskBefore = state.StopRiskD;
            stop = state.StopD;
            movesWithLong = state.MovesWithLongD;
            movesWithShort = state.MovesWithShortD;
        }

        var moving = pending + quantity;
        var absHeld = Math.Abs(held);
        var quantityMargin = Margin * (absHeld + moving);
        if (buy ? held < 0.0 : held > 0.0)
        {
            if (moving < absHeld - quantityMargin)
            {
                return true; // only reduces: closing is never refused
            }

            if (moving <= absHeld + quantityMargin)
            {
                return false; // a reduction to about zero, or just past it: exact rules
            }
        }

        var after = buy ? held + moving : held - moving;
        var exposureAfter = Math.Abs(after) * price;
        var grossAfter = context.GrossD - exposureBefore + exposureAfter;
        var equityAfter = held == 0.0 ? context.EquityD : context.EquityD + (held * (price - mark));
        var margin = Margin * (context.GrossD + Math.Abs(context.EquityD) + Math.Abs(context.CashD) + context.StopRiskD
            + ((absHeld + moving) * price) + (absHeld * mark) + sectorExposure + movesWithLong + movesWithShort);

        if ((limits.HasPositionSize && exposureAfter > limits.PositionSize - margin)
            || (after > 0.0 && held <= 0.0 && context.LongPositions + 1 > limits.MaxLong)
            || (after < 0.0 && held >= 0.0 && context.ShortPositions + 1 > limits.MaxShort))
        {
            return false;
        }

        if (limits.HasMinCash)
        {
            var cashAfter = buy ? context.CashD - (moving * price) : context.CashD + (moving * price);
            if (equityAfter <= margin || cashAfter < (limits.MinCash * equityAfter) + margin)
            {
                return false;
            }
        }

        var portfolio = Math.Max(grossAfter, equityAfter);
        if (hasSector && limits.HasSectorConcentration
            && sectorExposure - exposureBefore + exposureAfter > (limits.SectorConcentration * portfolio) - margin)
        {
            return false;
        }

        if (limits.HasCorrelationExposure
            && exposureAfter + (after > 0.0 ? movesWithLong : movesWithShort) > (limits.CorrelationExposure * portfolio) - margin)
        {
            return false;
        }

        if (limits.HasPortfolioRisk)
        {
            // The held stop stays when the order adds to the position; else the new position's default stop.
            var keepsStop = held != 0.0 && (held > 0.0) == (after > 0.0) && !double.IsNaN(stop);
            var riskAfter = keepsStop
                ? Math.Abs(after) * Math.Max(0.0, after > 0.0 ? price - stop : stop - price)
                : exposureAfter * limits.DefaultStop;
            var riskMargin = margin + (Margin * (riskAfter + (keepsStop ? Math.Abs(after) * Math.Abs(stop) : 0.0)));
            var risk = context.StopRiskD - riskBefore + riskAfter;
            if (equityAfter <= riskMargin || risk > (limits.PortfolioRisk * equityAfter) - riskMargin)
            {
                return false;
            }
        }

        return true;
    }
}
