// The order ticket: POST /api/v1/orders, a 422's field errors shown beside their fields.
import { post } from './api.js';
import { byId } from './dom.js';
import { fmtQty } from './format.js';
import { describe } from './api.js';

const PRICED = { MARKET: [], LIMIT: ['limitPrice'], STOP: ['stopPrice'], STOP_LIMIT: ['limitPrice', 'stopPrice'] };

export function wireTicket(accountId, onPlaced) {
  const form = byId('ticket-form');
  const type = byId('ticket-type');
  const tif = byId('ticket-tif');
  const syncFields = () => {
    byId('ticket-limit').disabled = !PRICED[type.value].includes('limitPrice');
    byId('ticket-stop').disabled = !PRICED[type.value].includes('stopPrice');
    byId('ticket-gtd').disabled = tif.value !== 'GTD';
  };
  type.addEventListener('change', syncFields);
  tif.addEventListener('change', syncFields);
  syncFields();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const account = accountId();
    if (!account) {
      byId('ticket-error').textContent = 'Choose an account first.';
      return;
    }

    // Numbers go as the typed text's number; the server says what is wrong with them (missing, not positive, too precise).
    const number = (id) => (byId(id).disabled || byId(id).value.trim() === '' ? undefined : toNumber(byId(id).value));
    const order = {
      accountId: account,
      clientOrderId: `web-${crypto.randomUUID()}`,
      symbol: byId('ticket-symbol').value.trim().toUpperCase(),
      side: byId('ticket-side').value,
      orderType: type.value,
      quantity: number('ticket-quantity'),
      limitPrice: number('ticket-limit'),
      stopPrice: number('ticket-stop'),
      timeInForce: tif.value,
      goodTillDate: tif.value === 'GTD' && byId('ticket-gtd').value ? new Date(byId('ticket-gtd').value).toISOString() : undefined,
    };
    const submit = byId('ticket-submit');
    submit.disabled = true;
    try {
      const placed = await post('/api/v1/orders', order);
      byId('ticket-ok').textContent = `Placed ${placed.side} ${fmtQty(placed.quantity)} ${placed.symbol} ${placed.orderType}: ${placed.status}.`;
      onPlaced();
    } catch (error) {
      showFieldErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
}

// A text the server must judge (e.g. "-5" or "ten") goes as-is when it is not a plain number, so the 422 names the field.
function toNumber(text) {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function clearErrors(form) {
  for (const span of form.querySelectorAll('.field-error')) span.textContent = '';
  for (const input of form.querySelectorAll('.invalid')) input.classList.remove('invalid');
  byId('ticket-error').textContent = '';
  byId('ticket-ok').textContent = '';
}

function showFieldErrors(form, error) {
  let unplaced = false;
  for (const [field, messages] of Object.entries(error.fields ?? {})) {
    const span = form.querySelector(`.field-error[data-field="${CSS.escape(field)}"]`);
    if (span) {
      span.textContent = [].concat(messages).join(' ');
      span.previousElementSibling?.classList.add('invalid');
    } else {
      unplaced = true;
    }
  }
  // The detail always shows: it carries what no field shows (an order refused by a limit, a field the form lacks).
  if (unplaced || Object.keys(error.fields ?? {}).length === 0) {
    byId('ticket-error').textContent = describe(error);
  }
}
