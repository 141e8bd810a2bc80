// The dashboard's entry: login and logout, the selected account, what reloads when, and the live stream's wiring.
import * as session from './session.js';
import { get, post } from './api.js';
import { byId, el } from './dom.js';
import { showError } from './banner.js';
import { loadOverview, wireKillSwitch } from './overview.js';
import { loadTrading } from './trading.js';
import { wireTicket } from './ticket.js';
import { loadStrategies } from './strategies.js';
import { EquityChart, PriceChart } from './charts.js';
import { LiveStream } from './stream.js';

let accountId = null;
let equity = null;
let price = null;
let refreshTimer = null;

const stream = new LiveStream({
  bar: (bar) => price?.onBar(bar).catch((error) => showError('Price chart', error)),
  order: () => refreshSoon(),
  fill: () => refreshSoon(),
  position: () => refreshSoon(),
  risk_alert: () => refreshSoon(),
  risk_alert_updated: () => refreshSoon(),
  error: (message) => showError('Stream', new Error(message.message)),
});

/** Runs a loader and shows its failure; every section loads on its own, so one failure leaves the rest working. */
async function guarded(what, loader) {
  try {
    await loader();
  } catch (error) {
    showError(what, error);
  }
}

function reloadAll() {
  clearTimeout(refreshTimer);
  return Promise.all([
    guarded('Overview', loadOverview),
    guarded('Orders and positions', () => loadTrading(accountId, reloadAll)),
    guarded('Strategies and alerts', () => loadStrategies(reloadAll)),
    guarded('Equity chart', () => equity.load(accountId)),
  ]);
}

// Order, fill and position events come in bursts (one per fill): reload once after the burst.
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(reloadAll, 400);
}

async function showPrice(symbol, interval) {
  if (!symbol) return;
  await guarded('Price chart', () => price.load(symbol, interval));
  stream.follow([symbol]);
}

async function start() {
  byId('login-view').hidden = true;
  byId('app-view').hidden = false;
  byId('session-bar').hidden = false;
  byId('user-email').textContent = session.current()?.email ?? '';
  equity ??= new EquityChart();
  price ??= new PriceChart();

  const [accounts, symbols] = await Promise.all([get('/api/v1/accounts'), get('/api/v1/symbols').catch(() => [])]);
  const select = byId('account-select');
  select.replaceChildren(...accounts.map((a) => el('option', { value: a.accountId }, a.accountName ?? a.brokerAccountId)));
  accountId = accounts[0]?.accountId ?? null;
  byId('symbol-list').replaceChildren(...symbols.map((s) => el('option', { value: s.symbol })));

  stream.open();
  await reloadAll();
  // The first symbol worth charting: one the account holds, else the universe's first.
  const held = document.querySelector('#positions-table tr[data-symbol]')?.dataset.symbol;
  const first = held ?? symbols[0]?.symbol ?? '';
  byId('price-symbol').value = first;
  await showPrice(first, byId('price-interval').value);
  document.body.dataset.ready = 'true';
}

function showLogin() {
  stream.close();
  document.body.dataset.ready = 'false';
  byId('app-view').hidden = true;
  byId('session-bar').hidden = true;
  byId('login-view').hidden = false;
}

function wire() {
  byId('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = byId('login-email').value.trim();
    const password = byId('login-password').value;
    byId('login-error').textContent = '';
    byId('login-submit').disabled = true;
    try {
      session.save(await post('/api/v1/auth/login', { email, password }), email);
      byId('login-password').value = '';
      await start();
    } catch (error) {
      byId('login-error').textContent = error.message;
    } finally {
      byId('login-submit').disabled = false;
    }
  });

  byId('logout').addEventListener('click', async () => {
    try {
      await post('/api/v1/auth/logout');
    } catch (error) {
      showError('Log out', error);
    }
    session.clear();
  });

  byId('account-select').addEventListener('change', (event) => {
    accountId = event.target.value;
    reloadAll();
  });

  byId('price-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showPrice(byId('price-symbol').value.trim().toUpperCase(), byId('price-interval').value);
  });

  wireKillSwitch();
  wireTicket(() => accountId, reloadAll);
  session.watch((current) => {
    if (current === null) showLogin();
  });
}

wire();
if (session.current()) {
  session.schedule();
  start().catch((error) => {
    showError('Start', error);
    showLogin();
  });
} else {
  showLogin();
}
