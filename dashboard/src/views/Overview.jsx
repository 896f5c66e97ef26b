import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { api, get } from '../api.js';
import { dashboard, loadError, refreshDashboard, revision } from '../store.js';
import { usd, pnl, pct, qty, signOf } from '../money.js';
import { EquityChart } from './EquityChart.jsx';
import { TradeRows } from './Trades.jsx';

const tone = v => (signOf(v) > 0 ? 'gain' : signOf(v) < 0 ? 'loss' : '');

export function Overview() {
  const d = dashboard.value;
  const curve = useSignal(null);

  useEffect(() => {
    get('/api/v1/performance?period=30d').then(r => (curve.value = r.equityCurve)).catch(() => {});
  }, [revision.value]);

  if (!d) return <p role="status">{loadError.value || 'Loading…'}</p>;
  return (
    <section aria-labelledby="overview-h">
      <h1 id="overview-h">Overview</h1>
      <dl class="tiles">
        <Tile label="Equity" value={usd(d.equity)} testid="equity" />
        <Tile label="Cash" value={usd(d.cash)} />
        <Tile label="Today's P&L" value={pnl(d.todayPnl)} cls={tone(d.todayPnl)} testid="today-pnl" />
        <Tile label="Exposure" value={`${usd(d.exposure)} (${pct(d.exposurePct)})`} />
        <Tile label="Open positions" value={String(d.openPositions)} testid="open-count" />
        <Tile label="Tier" value={d.tier} />
      </dl>
      <BotState state={d.botState} />
      <h2>Equity, last 30 days</h2>
      {curve.value ? <EquityChart points={curve.value} /> : <p>Loading the curve…</p>}
      <h2 id="positions-h">Open positions</h2>
      <Positions positions={d.positions} />
      <h2>Last trades</h2>
      <TradeRows trades={d.lastTrades} />
    </section>
  );
}

function Tile({ label, value, cls = '', testid }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd class={cls} data-testid={testid}>{value}</dd>
    </div>
  );
}

function BotState({ state }) {
  const busy = useSignal(false);
  const error = useSignal(null);
  const paused = state === 'PAUSED' || state === 'paused';
  const toggle = async () => {
    busy.value = true;
    error.value = null;
    try {
      await api(`/api/v1/trading/${paused ? 'resume' : 'pause'}`, { method: 'POST' });
      await refreshDashboard();
    } catch (e) {
      error.value = e.message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <p class="bot">
      Bot: <strong data-testid="bot-state">{state}</strong>{' '}
      <button type="button" onClick={toggle} disabled={busy.value}>{paused ? 'Resume trading' : 'Pause trading'}</button>
      {error.value && <span class="error" role="alert"> {error.value}</span>}
    </p>
  );
}

function Positions({ positions = [] }) {
  if (!positions.length) return <p>No open positions.</p>;
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
          {positions.map(p => <PositionRow key={p.positionId} p={p} />)}
        </tbody>
      </table>
    </div>
  );
}

/** Closing asks for a second click; a 409 (already closed or closing) is shown in the row, not as an error page. */
function PositionRow({ p }) {
  const step = useSignal('idle'); // idle → confirm → sending
  const message = useSignal(null);
  const close = async () => {
    if (step.value === 'idle') {
      step.value = 'confirm';
      return;
    }
    step.value = 'sending';
    try {
      await api('/api/v1/trading/close-position', { method: 'POST', body: { positionId: p.positionId } });
      message.value = 'Closing at market…';
    } catch (e) {
      message.value = e.message;
    }
    step.value = 'idle';
  };
  return (
    <tr data-symbol={p.symbol}>
      <th scope="row">{p.symbol}</th>
      <td>{p.side}</td>
      <td class="num">{qty(p.quantity)}</td>
      <td class="num">{usd(p.entryPrice)}</td>
      <td class="num">{usd(p.currentPrice)}</td>
      <td class={`num ${tone(p.unrealizedPnl)}`}>{pnl(p.unrealizedPnl)} ({pct(p.unrealizedPnlPct, true)})</td>
      <td>
        <button type="button" onClick={close} disabled={step.value === 'sending'} aria-label={`${step.value === 'confirm' ? 'Confirm close' : 'Close'} ${p.symbol} position`}>
          {step.value === 'confirm' ? 'Confirm close' : 'Close'}
        </button>
        {message.value && <span role="status" class="note"> {message.value}</span>}
      </td>
    </tr>
  );
}
