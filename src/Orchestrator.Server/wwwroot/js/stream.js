// The live stream: one WebSocket, authenticated by offering the session token as a subprotocol (a browser cannot set
// an Authorization header on a WebSocket, and a token in the URL would be logged). Reconnects with a backoff.
import * as session from './session.js';
import { byId } from './dom.js';

export class LiveStream {
  constructor(handlers) {
    this.handlers = handlers;
    this.symbols = [];
    this.socket = null;
    this.retry = 1000;
    this.closed = true;
  }

  open() {
    this.closed = false;
    this.connect();
  }

  close() {
    this.closed = true;
    this.socket?.close(1000);
    this.socket = null;
    this.setState('offline');
  }

  follow(symbols) {
    const old = this.symbols;
    this.symbols = symbols;
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    if (old.length > 0) this.socket.send(JSON.stringify({ action: 'unsubscribe', symbols: old }));
    if (symbols.length > 0) this.socket.send(JSON.stringify({ action: 'subscribe', symbols }));
  }

  connect() {
    const token = session.accessToken();
    if (!token || this.closed) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/stream`, ['orchestrator.v1', `bearer.${token}`]);
    this.socket = socket;
    this.setState('connecting');
    socket.addEventListener('open', () => {
      this.retry = 1000;
      this.setState('live');
      if (this.symbols.length > 0) socket.send(JSON.stringify({ action: 'subscribe', symbols: this.symbols }));
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      this.handlers[message.type]?.(message);
      this.handlers.any?.(message);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setState('offline');
      if (!this.closed) {
        // The token may have been refreshed meanwhile; connect() reads the current one.
        setTimeout(() => this.connect(), this.retry);
        this.retry = Math.min(this.retry * 2, 30_000);
      }
    });
  }

  setState(state) {
    const pill = byId('stream-state');
    pill.textContent = `stream: ${state}`;
    pill.className = `pill stream-${state}`;
  }
}
