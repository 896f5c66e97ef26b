import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { get } from '../api.js';
import { revision } from '../store.js';
import { usd, qty } from '../money.js';
import { explain, cause } from '../explain.js';
import { formatTime } from './Trades.jsx';

/** The trader's latest orders with their reasons: what caused each, and the signal's explanation. */
export function Orders() {
  const orders = useSignal(null);
  const error = useSignal(null);

  useEffect(() => {
    get('/api/v1/orders?limit=50')
      .then(body => { orders.value = body.orders || []; error.value = null; })
      .catch(e => { error.value = e.message; });
  }, [revision.value]);

  return (
    <section aria-labelledby="orders-h">
      <h1 id="orders-h">Orders</h1>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {orders.value && !orders.value.length && <p>No orders yet.</p>}
      {orders.value && orders.value.length > 0 && (
        <ul class="orders" data-testid="orders">
          {orders.value.map(o => <OrderItem key={o.orderId} order={o} />)}
        </ul>
      )}
    </section>
  );
}

function OrderItem({ order: o }) {
  const e = explain(o.explanation);
  const explained = e.held.length + e.missed.length + e.indicators.length + e.other.length > 0;
  return (
    <li>
      <p>
        <time datetime={o.createdAt}>{formatTime(o.createdAt)}</time>{' '}
        <strong>{o.side} {o.symbol}</strong> {o.status}
        {o.quantity != null && <> · {qty(o.quantity)}</>}
        {o.fillPrice != null && <> at {usd(o.fillPrice)}</>}
        {' '}· <span class="cause">{cause(o)}</span>
        {o.reason && <> · {o.reason}</>}
      </p>
      {explained && (
        <details>
          <summary>Why</summary>
          {e.held.length > 0 && <p>Held: {e.held.join(', ')}</p>}
          {e.missed.length > 0 && <p>Did not hold: {e.missed.join(', ')}</p>}
          {e.indicators.length > 0 && <p>Indicators: {e.indicators.join(', ')}</p>}
          {e.other.map(line => <p key={line}>{line}</p>)}
        </details>
      )}
    </li>
  );
}
