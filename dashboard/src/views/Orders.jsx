// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';
import { orderChanges, pushed } from '../store.js';
import { mergePushed } from '../live.js';
import { usd, qty } from '../money.js';
import { formatTime } from '../time.js';
import { explain, cause } from '../explain.js';

const STATUSES = ['', 'filled', 'refused', 'failed', 'resting', 'cancelled'];
const LIMIT = 50;

/** The trader's latest orders: what each did, why it was refused or failed, and the signal that caused it. */
export function Orders() {
  const status = useSignal('');
  const orders = useSignal(null);
  const error = useSignal(null);
  useEffect(() => {
    const query = { limit: LIMIT, status: /** @type {any} */ (status.value || undefined) };
    bodyOf(client.GET('/api/v1/orders', { params: { query } }))
      .then(page => { orders.value = page.orders || []; error.value = null; })
      .catch(e => (error.value = e.message));
  }, [status.value, orderChanges.value]);
  // A pushed order shows at once; the (spaced) refetch the same push causes fills in what a push does not carry.
  useEffect(() => {
    if (!orders.value) return;
    orders.value = mergePushed(orders.value, pushed.value, {
      channel: 'orders', key: 'orderId', accept: o => !status.value || o.status?.toLowerCase() === status.value,
    });
  }, [pushed.value]);

  return (
    <section aria-labelledby="orders-h">
      <h1 id="orders-h">Orders</h1>
      <div class="filter">
        <label for="order-status">Status</label>
        <select id="order-status" value={status.value} onChange={e => (status.value = e.currentTarget.value)}>
          {STATUSES.map(s => <option value={s}>{s ? s[0].toUpperCase() + s.slice(1) : 'All'}</option>)}
        </select>
        <span class="note">The latest {LIMIT}.</span>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {orders.value && <OrderRows orders={orders.value} />}
    </section>
  );
}

function OrderRows({ orders }) {
  if (!orders.length) return <p>No orders yet.</p>;
  return (
    <div class="scroll" role="region" aria-label="Orders table" tabIndex={0}>
      <table data-testid="orders">
        <thead>
          <tr>
            <th scope="col">Time</th><th scope="col">Symbol</th><th scope="col">Side</th>
            <th scope="col">Status</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Fill price</th><th scope="col">Reason</th><th scope="col">Signal</th>
          </tr>
        </thead>
        <tbody>
          {orders.map(o => (
            <tr key={o.orderId} data-order-id={o.orderId} data-signal-id={o.signalId} data-status={o.status} data-filled-at={o.filledAt}>
              <td><time datetime={o.createdAt}>{formatTime(o.createdAt)}</time></td>
              <th scope="row">{o.symbol}</th>
              <td>{o.side}{o.intent ? ` (${o.intent.toLowerCase()})` : ''}</td>
              <td><span class={`badge status-${o.status.toLowerCase()}`}>{o.status.toLowerCase()}</span>{o.partial ? ' (partial)' : ''}</td>
              <td class="num">{qty(o.quantity)}</td>
              <td class="num">{o.fillPrice == null ? '–' : usd(o.fillPrice)}</td>
              <td class="reason">{o.reason || '–'}</td>
              <td class="signal">
                <SignalCell order={o} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The source and signal id behind an order, and the strategy's explanation when the order carries one. */
function SignalCell({ order }) {
  const origin = [order.source, order.strategy && order.strategy !== order.source ? order.strategy : null].filter(Boolean).join(' · ');
  return (
    <>
      <span>{order.rung ? cause(order) : origin || '–'}</span>
      {order.signalId && <code class="id">{order.signalId}</code>}
      {order.explanation != null && <Explanation value={order.explanation} />}
    </>
  );
}

/**
 * The signal's explanation in words (conditions held and missed, indicator values, anything else as name: value);
 * a plain sentence is shown as it is.
 */
function Explanation({ value }) {
  if (typeof value !== 'object') return <p class="explain">{String(value)}</p>;
  const e = explain(value);
  if (e.held.length + e.missed.length + e.indicators.length + e.other.length === 0) return null;
  return (
    <details class="explain">
      <summary>Why</summary>
      {e.held.length > 0 && <p>Held: {e.held.join(', ')}</p>}
      {e.missed.length > 0 && <p>Not held: {e.missed.join(', ')}</p>}
      {e.indicators.length > 0 && <p>Indicators: {e.indicators.join(', ')}</p>}
      {e.other.map(line => <p>{line}</p>)}
    </details>
  );
}
