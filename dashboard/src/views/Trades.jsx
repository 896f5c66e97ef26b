import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { get } from '../api.js';
import { revision } from '../store.js';
import { usd, pnl, qty, signOf } from '../money.js';

const PAGE = 25;

/** Fills, newest first, a page at a time (the API's signed cursors), filtered by symbol. */
export function Trades() {
  const symbol = useSignal('');
  const applied = useSignal('');
  const cursors = useSignal([null]); // cursor of each page seen so far; the last is the current page
  const page = useSignal(null);
  const error = useSignal(null);

  const load = async () => {
    const cursor = cursors.value[cursors.value.length - 1];
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (applied.value) q.set('symbol', applied.value);
    if (cursor) q.set('cursor', cursor);
    try {
      page.value = await get(`/api/v1/trades?${q}`);
      error.value = null;
    } catch (e) {
      error.value = e.message;
    }
  };
  // The first page follows live fills; later pages stay still while being read.
  useEffect(() => { load(); }, [cursors.value, applied.value, cursors.value.length === 1 ? revision.value : 0]);

  return (
    <section aria-labelledby="trades-h">
      <h1 id="trades-h">Trades</h1>
      <form class="filter" onSubmit={e => { e.preventDefault(); applied.value = symbol.value.trim().toUpperCase(); cursors.value = [null]; }}>
        <label for="trade-symbol">Symbol</label>
        <input id="trade-symbol" value={symbol.value} placeholder="BTC-USD" onInput={e => (symbol.value = e.currentTarget.value)} />
        <button type="submit">Filter</button>
      </form>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {page.value && <TradeRows trades={page.value.trades || []} testid="trades" />}
      <nav class="pager" aria-label="Trade pages">
        <button type="button" disabled={cursors.value.length < 2} onClick={() => (cursors.value = cursors.value.slice(0, -1))}>Newer</button>
        <span>Page {cursors.value.length}</span>
        <button type="button" disabled={!page.value?.nextCursor} onClick={() => (cursors.value = [...cursors.value, page.value.nextCursor])}>Older</button>
      </nav>
    </section>
  );
}

export function TradeRows({ trades = [], testid = 'last-trades' }) {
  if (!trades.length) return <p>No trades yet.</p>;
  return (
    <div class="scroll" role="region" aria-label="Trades table" tabIndex={0}>
      <table data-testid={testid}>
        <thead>
          <tr>
            <th scope="col">Time</th><th scope="col">Symbol</th><th scope="col">Side</th>
            <th scope="col" class="num">Quantity</th><th scope="col" class="num">Price</th>
            <th scope="col" class="num">Fee</th><th scope="col" class="num">Realized P&L</th>
          </tr>
        </thead>
        <tbody>
          {trades.map(t => (
            <tr key={t.tradeId}>
              <td><time datetime={t.executedAt}>{formatTime(t.executedAt)}</time></td>
              <th scope="row">{t.symbol}</th>
              <td>{t.side}</td>
              <td class="num">{qty(t.quantity)}</td>
              <td class="num">{usd(t.price)}</td>
              <td class="num">{usd(t.fee)}</td>
              <td class={`num ${signOf(t.realizedPnl) < 0 ? 'loss' : signOf(t.realizedPnl) > 0 ? 'gain' : ''}`}>{t.realizedPnl == null ? '–' : pnl(t.realizedPnl)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
export function formatTime(iso) {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? timeFormat.format(ms) : '–';
}
