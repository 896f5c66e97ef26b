// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf, answer } from '../api.js';
import { dashboard, loadError, refreshDashboard, closes } from '../store.js';
import { usd, pnl, pct, tone } from '../money.js';
import { EquityChart } from './EquityChart.jsx';
import { TradeRows } from './Trades.jsx';
import { PositionsTable } from './Positions.jsx';

export function Overview() {
  const d = dashboard.value;
  const curve = useSignal(null);

  // The curve moves only when a trade closes: prices and open orders leave it as it is.
  useEffect(() => {
    bodyOf(client.GET('/api/v1/performance', { params: { query: { period: '30d' } } })).then(r => (curve.value = r.equityCurve)).catch(() => {});
  }, [closes.value]);

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
      <PositionsTable positions={d.positions} />
      <h2>Last trades</h2>
      <TradeRows trades={d.lastTrades} />
    </section>
  );
}

function Tile({ label, value, cls = '', testid = undefined }) {
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
      await answer(client.POST(paused ? '/api/v1/trading/resume' : '/api/v1/trading/pause'));
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
