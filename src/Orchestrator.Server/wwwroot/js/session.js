// The login session: tokens in sessionStorage (this tab only, gone when it closes), refreshed before they expire.

const KEY = 'orchestrator.session';
const REFRESH_MARGIN_MS = 60_000;
let timer = null;
let onChange = () => {};

export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function accessToken() {
  return current()?.accessToken ?? null;
}

/** Called with the session (or null) whenever it changes: login, refresh, logout, a refused refresh. */
export function watch(callback) {
  onChange = callback;
}

export function save(tokens, email) {
  const session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, email: email ?? current()?.email };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  schedule(session);
  onChange(session);
}

export function clear() {
  sessionStorage.removeItem(KEY);
  clearTimeout(timer);
  onChange(null);
}

// A refresh spends the refresh token; two at once would make the second look like a stolen copy (the server then
// revokes the family), so every caller shares the one in flight.
let inFlight = null;

export function refresh() {
  inFlight ??= doRefresh().finally(() => { inFlight = null; });
  return inFlight;
}

async function doRefresh() {
  const session = current();
  if (!session?.refreshToken) return false;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  });
  if (!response.ok) {
    clear();
    return false;
  }
  save(await response.json());
  return true;
}

/** Refreshes a minute before the access token expires (at once if that is already past). */
export function schedule(session = current()) {
  clearTimeout(timer);
  if (!session?.expiresAt) return;
  const due = new Date(session.expiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS;
  timer = setTimeout(() => { refresh(); }, Math.max(due, 0));
}
