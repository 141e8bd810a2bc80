// Positions, open orders (with Cancel) and recent orders of the selected account.
import { get, del } from './api.js';
import { byId, el, fillTable, td } from './dom.js';
import { fmtMoney, fmtPrice, fmtQty, fmtTime } from './format.js';
import { showError, showInfo } from './banner.js';

const WORKING = ['NEW', 'PARTIALLY_FILLED'];

export async function loadTrading(accountId, onChanged) {
  if (!accountId) {
    fillTable(byId('positions-table'), [], 'No account.');
    fillTable(byId('open-orders-table'), [], 'No account.');
    fillTable(byId('recent-orders-table'), [], 'No account.');
    return;
  }

  const account = encodeURIComponent(accountId);
  const [positions, recent, ...working] = await Promise.all([
    get(`/api/v1/accounts/${account}/positions`),
    get(`/api/v1/orders?accountId=${account}&pageSize=20`),
    ...WORKING.map((status) => get(`/api/v1/orders?accountId=${account}&status=${status}&pageSize=200`)),
  ]);

  fillTable(byId('positions-table'), positions.map((p) => el('tr', { 'data-symbol': p.symbol },
    td(p.symbol),
    td(fmtQty(p.quantity), { num: true }),
    td(fmtPrice(p.averagePrice), { num: true }),
    td(fmtPrice(p.currentPrice), { num: true }),
    td(fmtMoney(p.marketValue), { num: true }),
    td(fmtMoney(p.unrealizedPnl), { num: true, sign: p.unrealizedPnl }),
    td(fmtMoney(p.realizedPnl), { num: true, sign: p.realizedPnl }))), 'No open positions.');

  const open = working.flatMap((page) => page.items).sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
  fillTable(byId('open-orders-table'), open.map((o) => el('tr', { 'data-order-id': o.orderId },
    td(fmtTime(o.submittedAt)), td(o.symbol), td(o.side), td(o.orderType),
    td(fmtQty(o.quantity), { num: true }), td(fmtQty(o.filledQuantity), { num: true }),
    td(fmtPrice(o.limitPrice), { num: true }), td(fmtPrice(o.stopPrice), { num: true }),
    td(o.timeInForce), td(o.status),
    el('td', {}, el('button', { type: 'button', className: 'small danger', onclick: () => cancel(o, onChanged) }, 'Cancel')))), 'No open orders.');

  const rows = recent.items.map((o) => el('tr', {
    'data-order-id': o.orderId, className: 'expandable', title: 'Show its fills', onclick: (event) => toggleFills(event.currentTarget, o.orderId),
  },
    td(fmtTime(o.submittedAt)), td(o.symbol), td(o.side), td(o.orderType),
    td(fmtQty(o.quantity), { num: true }), td(fmtQty(o.filledQuantity), { num: true }),
    td(fmtPrice(o.averageFillPrice), { num: true }), td(fmtMoney(o.commission), { num: true }),
    td(o.status), td(o.orderSource), td(o.rejectionReason ?? '')));
  fillTable(byId('recent-orders-table'), rows, 'No orders yet.');
  // The table is rebuilt on every change: orders whose fills were open show them again.
  for (const row of rows) {
    if (expanded.has(row.dataset.orderId)) showFills(row, row.dataset.orderId);
  }
}

// Orders whose fills are shown under their row in "Recent orders and fills".
const expanded = new Set();

function toggleFills(row, orderId) {
  if (row.nextElementSibling?.classList.contains('fills')) {
    row.nextElementSibling.remove();
    expanded.delete(orderId);
    return;
  }
  expanded.add(orderId);
  showFills(row, orderId);
}

// One row under the order's, holding a table of its fills (GET /orders/{id}/fills): each execution as the broker
// reported it, where the order's row shows only their sum and average.
async function showFills(row, orderId) {
  const cell = el('td', { colspan: row.cells.length }, 'Loading fills…');
  row.after(el('tr', { className: 'fills' }, cell));
  try {
    const fills = await get(`/api/v1/orders/${encodeURIComponent(orderId)}/fills`);
    cell.replaceChildren(fills.length === 0 ? 'No fills.' : el('table', { className: 'data fills-table' },
      el('thead', {}, el('tr', {}, ...['Time', 'Quantity', 'Price', 'Commission', 'Liquidity', 'Trade id']
        .map((name, i) => el('th', { className: i >= 1 && i <= 3 ? 'num' : null }, name)))),
      el('tbody', {}, ...fills.map((f) => el('tr', {},
        td(fmtTime(f.exchangeTime ?? f.createdAt)), td(fmtQty(f.quantity), { num: true }), td(fmtPrice(f.price), { num: true }),
        td(fmtMoney(f.commission), { num: true }), td(LIQUIDITY[f.liquidityIndicator] ?? f.liquidityIndicator ?? ''), td(f.tradeId ?? ''))))));
  } catch (error) {
    cell.replaceChildren(`The fills could not be loaded: ${error.message}`);
  }
}

// The seed's liquidity codes: A took liquidity from the book (aggressive), P rested and was taken (passive).
const LIQUIDITY = { A: 'taker', P: 'maker' };

async function cancel(order, onChanged) {
  try {
    await del(`/api/v1/orders/${encodeURIComponent(order.orderId)}`);
    showInfo(`Cancelled ${order.side} ${fmtQty(order.quantity)} ${order.symbol}.`);
  } catch (error) {
    showError('Cancel', error);
  }
  onChanged();
}
