// @ts-check
import { useSignal } from '@preact/signals';
import { client, bodyOf, answer } from '../api.js';
import { dashboard, loadError, marks, pushed } from '../store.js';
import { mergePushed } from '../live.js';
import { markAll } from '../positions.js';
import { usd, pnl, pct, qty, tone } from '../money.js';
import { formatTime } from '../time.js';
import { useCursorPages, Pager } from './Paging.jsx';

const CLOSED_PAGE = 25;

/** Open positions valued live at the pushed prices, and the closed ones a page at a time. */
export function Positions() {
  // The open ones are the dashboard's (refetched on every burst of updates): no request of this view's own for them.
  const d = dashboard.value;
  const open = d && mergePushed(d.positions || [], pushed.value, {
    channel: 'positions', key: 'positionId', events: ['position.opened', 'position.closed'],
    drop: u => u.event === 'position.closed',
  });
  const closed = useCursorPages(cursor => {
    return bodyOf(client.GET('/api/v1/positions', { params: { query: { status: 'closed', limit: CLOSED_PAGE, cursor: cursor || undefined } } }));
  }, []);

  return (
    <section aria-labelledby="positions-view-h">
      <h1 id="positions-view-h">Positions</h1>
      <h2 id="positions-h">Open</h2>
      {open ? <PositionsTable positions={open} /> : <p role="status">{loadError.value || 'Loading…'}</p>}
      <h2 id="closed-h">Closed</h2>
      {closed.error.value && <p class="error" role="alert">{closed.error.value}</p>}
      {closed.page.value && <ClosedTable positions={closed.page.value.positions || []} />}
      <Pager pages={closed} label="Closed position pages" />
    </section>
  );
}

/**
 * Open positions with unrealized P&L at the latest pushed price. A position closed from this table stays in it,
 * marked closed, until the view is left: the row does not vanish under the pointer, and a second close shows the
 * API's answer (409, already closed) beside it.
 */
export function PositionsTable({ positions = [] }) {
  const closedHere = useSignal({}); // positionId → the position as it was when closed here
  const shown = markAll(positions, marks.value);
  const openIds = new Set(shown.map(p => p.positionId));
  const gone = Object.values(closedHere.value).filter(p => !openIds.has(p.positionId));
  const rows = [...shown, ...gone];
  if (!rows.length) return <p>No open positions.</p>;
  const onClosed = p => (closedHere.value = { ...closedHere.value, [p.positionId]: p });
  return (
    <div class="scroll" role="region" aria-label="Open positions table" tabIndex={0}>
      <table aria-labelledby="positions-h" data-testid="positions">
        <thead>
          <tr>
            <th scope="col">Symbol</th><th scope="col">Side</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Entry</th><th scope="col" class="num">Price</th>
            <th scope="col" class="num">Unrealized P&L</th><th scope="col"><span class="sr">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map(p => <PositionRow key={p.positionId} p={p} closed={!openIds.has(p.positionId)} onClosed={onClosed} />)}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Closing asks for a confirmation (Escape or Keep withdraws it); a refusal (409: already closed or closing) is
 * shown in the row. While the request is out the button is only aria-disabled, so it keeps the keyboard focus.
 */
function PositionRow({ p, closed, onClosed }) {
  const step = useSignal('idle'); // idle → confirm → sending → idle
  const message = useSignal(null);
  const failed = useSignal(false);
  const send = async () => {
    step.value = 'sending';
    // Kept before asking: the close's push can arrive before its answer, and the row must not vanish meanwhile.
    onClosed(p);
    try {
      const { body } = await answer(client.POST('/api/v1/trading/close-position', { body: { positionId: p.positionId } }));
      message.value = body?.status === 'FILLED' ? `Closed at ${usd(body.fillPrice)}.` : 'Closing at market…';
      failed.value = false;
    } catch (e) {
      message.value = e.message;
      failed.value = true;
    }
    step.value = 'idle';
  };
  return (
    <tr data-symbol={p.symbol} data-position-id={p.positionId} class={closed ? 'closed' : undefined}>
      <th scope="row">{p.symbol}</th>
      <td>{p.side}</td>
      <td class="num">{qty(p.quantity)}</td>
      <td class="num">{usd(p.entryPrice)}</td>
      <td class="num" data-testid="price">{usd(p.currentPrice)}</td>
      <td class={`num ${tone(p.unrealizedPnl)}`} data-testid="unrealized">
        {closed ? 'closed' : `${pnl(p.unrealizedPnl)} (${pct(p.unrealizedPnlPct, true)})`}
      </td>
      <td>
        {/* One button that asks, then confirms: it keeps the keyboard focus between the two presses. */}
        <button
          type="button"
          class={step.value === 'confirm' ? 'danger' : undefined}
          onClick={() => {
            if (step.value === 'confirm') send();
            else if (step.value === 'idle') step.value = 'confirm';
          }}
          onKeyDown={e => { if (e.key === 'Escape' && step.value === 'confirm') step.value = 'idle'; }}
          aria-disabled={step.value === 'sending' ? 'true' : undefined}
          aria-label={`${step.value === 'confirm' ? 'Confirm close' : 'Close'} ${p.symbol} position`}
        >
          {step.value === 'confirm' ? 'Confirm close' : step.value === 'sending' ? 'Closing…' : 'Close'}
        </button>
        {step.value === 'confirm' && <> <button type="button" onClick={() => (step.value = 'idle')} aria-label={`Keep ${p.symbol} position`}>Keep</button></>}
        {message.value && <span role={failed.value ? 'alert' : 'status'} class={failed.value ? 'error' : 'note'} data-testid="close-message"> {message.value}</span>}
      </td>
    </tr>
  );
}

function ClosedTable({ positions }) {
  if (!positions.length) return <p>No closed positions yet.</p>;
  return (
    <div class="scroll" role="region" aria-label="Closed positions table" tabIndex={0}>
      <table aria-labelledby="closed-h" data-testid="closed-positions">
        <thead>
          <tr>
            <th scope="col">Closed</th><th scope="col">Symbol</th><th scope="col">Side</th>
            <th scope="col" class="num">Quantity</th><th scope="col" class="num">Entry</th>
            <th scope="col" class="num">Exit</th><th scope="col" class="num">Fees</th>
            <th scope="col" class="num">Realized P&L</th>
          </tr>
        </thead>
        <tbody>
          {positions.map(p => (
            <tr key={p.positionId} data-position-id={p.positionId}>
              <td><time datetime={p.closedAt}>{formatTime(p.closedAt)}</time></td>
              <th scope="row">{p.symbol}</th>
              <td>{p.side}</td>
              <td class="num">{qty(p.quantity)}</td>
              <td class="num">{usd(p.entryPrice)}</td>
              <td class="num">{usd(p.exitPrice)}</td>
              <td class="num">{usd(p.fees)}</td>
              <td class={`num ${tone(p.realizedPnl)}`}>{pnl(p.realizedPnl)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
