// Number and time formatting. Amounts arrive as JSON numbers (the API's decimals); they are shown, never computed on.

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 });

export const fmtMoney = (v) => (v === null || v === undefined ? '' : money.format(v));
export const fmtQty = (v) => (v === null || v === undefined ? '' : quantity.format(v));
export const fmtPrice = (v) => (v === null || v === undefined ? '' : price.format(v));

/** An API instant (ISO 8601, UTC) in the viewer's local time, to the second. */
export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/** Seconds since the epoch (UTC) of an API instant: the charts' time scale. */
export function epochSeconds(iso) {
  return Math.floor(new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`).getTime() / 1000);
}
