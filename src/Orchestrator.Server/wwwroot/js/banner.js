// One place that shows what went wrong (an API refusal's detail, a network failure): errors are never swallowed.
import { byId } from './dom.js';
import { describe } from './api.js';

let hideTimer = null;

export function showError(context, error) {
  show(`${context}: ${describe(error)}`, 'error');
}

export function showInfo(text) {
  show(text, 'info');
}

function show(text, kind) {
  const banner = byId('banner');
  banner.textContent = text;
  banner.className = `banner ${kind}`;
  banner.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => { banner.hidden = true; }, kind === 'error' ? 15_000 : 5_000);
}
