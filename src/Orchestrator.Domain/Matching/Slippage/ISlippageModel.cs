using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Matching.Slippage;

/// <summary>
/// Moves a fill price against the trader: a buy pays more, a sell receives less. Never moves it in the
/// trader's favour.
/// </summary>
public interface ISlippageModel
{
    /// <param name="side">The order's side.</param>
    /// <param name="price">The price before slippage.</param>
    /// <param name="quantity">The fill's quantity.</param>
    /// <param name="barVolume">The traded volume of the bar the fill happens in.</param>
    decimal Apply(OrderSide side, decimal price, decimal quantity, decimal barVolume);
}
