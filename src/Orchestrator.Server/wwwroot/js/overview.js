// Overview: the portfolio summary, each account's money, and the kill switch.
import { get, put } from './api.js';
import { byId, el, fillTable, td } from './dom.js';
import { fmtMoney } from './format.js';
import { showError, showInfo } from './banner.js';

export async function loadOverview() {
  const [summary, state] = await Promise.all([get('/api/v1/portfolio/summary'), get('/api/v1/risk/state')]);
  const stat = (label, value, id) => el('div', { className: 'stat' }, el('span', { className: 'label' }, label), el('span', { className: 'value', id }, value));
  byId('summary-stats').replaceChildren(
    stat('Total cash', fmtMoney(summary.totalCash), 'total-cash'),
    stat('Positions value', fmtMoney(summary.portfolioValue), 'portfolio-value'),
    stat('Equity', fmtMoney(summary.totalCash + summary.portfolioValue), 'total-equity'),
    stat('Open positions', String(summary.openPositions), 'open-positions'),
    stat('Accounts', String(summary.brokerAccounts), 'account-count'));

  fillTable(byId('accounts-table'), summary.accounts.map((a) => el('tr', { 'data-account-id': a.accountId },
    td(a.accountName ?? a.accountId),
    td(a.currency),
    td(fmtMoney(a.cash), { num: true }),
    td(fmtMoney(a.positionsValue), { num: true }),
    td(fmtMoney(a.cash + a.positionsValue), { num: true }),
    td(fmtMoney(a.buyingPower), { num: true }),
    td(String(a.openPositions), { num: true }))), 'No accounts yet.');
  showState(state);
}

function showState(state) {
  const pill = byId('risk-state');
  pill.textContent = state.state;
  pill.className = `pill state-${state.state.toLowerCase()}`;
  byId('risk-reason').textContent = state.reason ? `(${state.reason})` : '';
  byId('risk-halt').hidden = state.state === 'HALTED';
  byId('risk-resume').hidden = state.state === 'ACTIVE';
}

/** The kill switch buttons: HALT cancels every working order, so it asks first, and both ask for a reason. */
export function wireKillSwitch() {
  const change = async (target, question) => {
    const reason = window.prompt(question);
    if (reason === null) return;
    try {
      showState(await put('/api/v1/risk/state', { state: target, reason }));
      showInfo(`Trading is now ${target}.`);
    } catch (error) {
      showError('Kill switch', error);
    }
  };
  byId('risk-halt').addEventListener('click', () => change('HALTED', 'Halt all trading? Every working order is cancelled. Reason:'));
  byId('risk-resume').addEventListener('click', () => change('ACTIVE', 'Resume trading. Reason:'));
}
