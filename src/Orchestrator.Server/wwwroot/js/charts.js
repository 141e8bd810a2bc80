// The two charts (TradingView Lightweight Charts, vendored in lib/): an account's equity and a symbol's candles.
import { get } from './api.js';
import { byId } from './dom.js';
import { epochSeconds } from './format.js';

const { createChart, LineSeries, CandlestickSeries } = window.LightweightCharts;
const INTERVAL_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '1d': 86400 };
// How far back a chart looks: the API serves at most 31 days of 1-minute bars and five years otherwise.
const LOOKBACK_DAYS = { '1m': 10, '5m': 30, '15m': 30, '1h': 90, '1d': 730 };

function chartOptions() {
  return {
    autoSize: true,
    // The library's own attribution logo injects an inline <style>, which the page's CSP refuses; the footer links
    // to TradingView instead, as the library's licence notice asks.
    layout: { background: { color: 'transparent' }, textColor: '#c9d1d9', attributionLogo: false },
    grid: { vertLines: { color: '#21262d' }, horzLines: { color: '#21262d' } },
    timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#30363d' },
    rightPriceScale: { borderColor: '#30363d' },
  };
}

export class EquityChart {
  constructor() {
    this.chart = createChart(byId('equity-chart'), chartOptions());
    this.series = this.chart.addSeries(LineSeries, { color: '#58a6ff', lineWidth: 2, priceFormat: { type: 'price', precision: 2, minMove: 0.01 } });
  }

  /** Plots the account's balance snapshots (newest first from the API) as equity over time. */
  async load(accountId) {
    if (!accountId) {
      this.series.setData([]);
      return;
    }

    const balances = await get(`/api/v1/accounts/${encodeURIComponent(accountId)}/balances?limit=5000`);
    // Several snapshots can share a second (one per fill); the chart needs one point per time, the last one.
    const points = new Map();
    for (const b of [...balances].reverse()) points.set(epochSeconds(b.recordedAt), b.portfolioValue);
    this.series.setData([...points].map(([time, value]) => ({ time, value })));
    this.chart.timeScale().fitContent();
    byId('equity-note').textContent = `${balances.length} snapshot${balances.length === 1 ? '' : 's'}`;
  }
}

export class PriceChart {
  constructor() {
    this.chart = createChart(byId('price-chart'), chartOptions());
    this.series = this.chart.addSeries(CandlestickSeries, {
      upColor: '#3fb950', downColor: '#f85149', borderVisible: false, wickUpColor: '#3fb950', wickDownColor: '#f85149',
    });
    this.symbol = null;
    this.interval = '1m';
    this.last = null;
    this.reloading = false;
  }

  /** Loads the symbol's bars up to <paramref name="until"/> (default now). */
  async load(symbol, interval, until = new Date()) {
    this.symbol = symbol;
    this.interval = interval;
    const from = new Date(until.getTime() - LOOKBACK_DAYS[interval] * 86_400_000);
    const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(until.toISOString())}&interval=${interval}`;
    const bars = await get(`/api/v1/bars/${encodeURIComponent(symbol)}?${query}`);
    const candles = bars.map((b) => ({ time: epochSeconds(b.time ?? b.start), open: b.open, high: b.high, low: b.low, close: b.close }));
    this.series.setData(candles);
    this.last = candles.at(-1) ?? null;
    this.chart.timeScale().fitContent();
    byId('price-note').textContent = candles.length > 0 ? `${candles.length} ${interval} bars of ${symbol}` : `No stored bars of ${symbol} in the last ${LOOKBACK_DAYS[interval]} days; live bars appear as they arrive.`;
  }

  /**
   * A live 1-minute bar of the shown symbol: merged into the candle of its interval. A bar older than the last
   * candle means a replay (the demo's) started over: the chart reloads up to that bar, so it follows the replay.
   */
  async onBar(bar) {
    if (bar.symbol !== this.symbol || this.reloading) return;
    const seconds = epochSeconds(bar.time);
    const step = INTERVAL_SECONDS[this.interval];
    const time = Math.floor(seconds / step) * step;
    if (this.last && time < this.last.time) {
      this.reloading = true;
      try {
        await this.load(this.symbol, this.interval, new Date((seconds + 60) * 1000));
      } finally {
        this.reloading = false;
      }
      return;
    }

    const candle = this.last && this.last.time === time
      ? { time, open: this.last.open, high: Math.max(this.last.high, bar.high), low: Math.min(this.last.low, bar.low), close: bar.close }
      : { time, open: bar.open, high: bar.high, low: bar.low, close: bar.close };
    this.series.update(candle);
    this.last = candle;
  }
}
