// @ts-check
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';
import { usd, pnl, qty, signOf } from '../money.js';
import { toCsv, TRADE_COLUMNS } from '../csv.js';
import { formatTime } from '../time.js';
import { useCursorPages, Pager } from './Paging.jsx';

const PAGE = 25;
const CSV_PAGE = 100; // the API's largest page
const CSV_MAX_PAGES = 200; // 20,000 trades: past that a download is an export job, not a click

function tradesPage(symbol, limit, cursor) {
  return bodyOf(client.GET('/api/v1/trades', { params: { query: { limit, symbol: symbol || undefined, cursor: cursor || undefined } } }));
}

/** Fills, newest first, a page at a time (the API's signed cursors), filtered by symbol, downloadable as CSV. */
export function Trades() {
  const symbol = useSignal('');
  const applied = useSignal('');
  const pages = useCursorPages(cursor => tradesPage(applied.value, PAGE, cursor), [applied.value]);

  return (
    <section aria-labelledby="trades-h">
      <h1 id="trades-h">Trades</h1>
      <form class="filter" onSubmit={e => { e.preventDefault(); applied.value = symbol.value.trim().toUpperCase(); pages.reset(); }}>
        <label for="trade-symbol">Symbol</label>
        <input id="trade-symbol" value={symbol.value} placeholder="BTC-USD" onInput={e => (symbol.value = e.currentTarget.value)} />
        <button type="submit">Filter</button>
        <CsvDownload symbol={applied.value} />
      </form>
      {pages.error.value && <p class="error" role="alert">{pages.error.value}</p>}
      {pages.page.value && <TradeRows trades={pages.page.value.trades || []} testid="trades" />}
      <Pager pages={pages} label="Trade pages" />
    </section>
  );
}

/** Every trade the current filter matches, as CSV: money columns are the API's decimal strings, untouched. */
function CsvDownload({ symbol }) {
  const busy = useSignal(false);
  const error = useSignal(null);
  const download = async () => {
    busy.value = true;
    error.value = null;
    try {
      const rows = [];
      let cursor = null;
      for (let n = 0; n < CSV_MAX_PAGES; n++) {
        const body = await tradesPage(symbol, CSV_PAGE, cursor);
        rows.push(...(body.trades || []));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      const url = URL.createObjectURL(new Blob([toCsv(TRADE_COLUMNS, rows)], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `nija-trades-${symbol || 'all'}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      error.value = e.message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <>
      <button type="button" onClick={download} disabled={busy.value}>{busy.value ? 'Preparing CSV…' : 'Download CSV'}</button>
      {error.value && <span class="error" role="alert">{error.value}</span>}
    </>
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
            <tr key={t.tradeId} data-symbol={t.symbol}>
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
