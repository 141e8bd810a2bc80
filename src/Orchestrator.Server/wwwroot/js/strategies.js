// Strategies (status, start, stop) and risk alerts (acknowledge).
import { get, post } from './api.js';
import { byId, el, fillTable, td } from './dom.js';
import { fmtMoney, fmtTime } from './format.js';
import { showError, showInfo } from './banner.js';

export async function loadStrategies(reload) {
  const [strategies, alerts] = await Promise.all([get('/api/v1/strategies/status'), get('/api/v1/risk/alerts?unresolved=true')]);
  fillTable(byId('strategies-table'), strategies.map((s) => el('tr', { 'data-strategy-id': s.strategyId },
    td(s.name),
    el('td', { title: s.runStateReason ?? '' }, el('span', { className: `pill state-${s.runState.toLowerCase()}` }, s.runState)),
    td(s.symbols.join(', ')),
    td(s.barsSeen ?? '', { num: true }),
    td(s.signalsRouted ?? '', { num: true }),
    td(String(s.totalTrades), { num: true }),
    td(fmtMoney(s.totalPnl), { num: true, sign: s.totalPnl }),
    el('td', {}, s.isActive
      ? el('button', { type: 'button', className: 'small secondary', onclick: () => act(s, 'stop', reload) }, 'Stop')
      : el('button', { type: 'button', className: 'small', onclick: () => act(s, 'start', reload) }, 'Start')))), 'No strategies.');

  fillTable(byId('alerts-table'), alerts.map((a) => el('tr', { 'data-alert-id': a.alertId },
    td(fmtTime(a.createdAt)),
    el('td', {}, el('span', { className: `pill severity-${String(a.severity).toLowerCase()}` }, a.severity)),
    td(a.title), td(a.message ?? ''),
    el('td', {}, a.isAcknowledged
      ? el('span', { className: 'muted' }, 'acknowledged')
      : el('button', { type: 'button', className: 'small secondary', onclick: () => acknowledge(a, reload) }, 'Acknowledge')))), 'No open alerts.');
}

async function act(strategy, action, reload) {
  try {
    // Start with no body: the strategy runs where it was last started (the server answers 422 naming what is missing).
    const status = await post(`/api/v1/strategies/${encodeURIComponent(strategy.strategyId)}/${action}`);
    showInfo(`${status.name}: ${status.runState}.`);
  } catch (error) {
    showError(`${action === 'start' ? 'Start' : 'Stop'} ${strategy.name}`, error);
  }
  reload();
}

async function acknowledge(alert, reload) {
  try {
    await post(`/api/v1/risk/alerts/${encodeURIComponent(alert.alertId)}/acknowledge`);
  } catch (error) {
    showError('Acknowledge', error);
  }
  reload();
}
