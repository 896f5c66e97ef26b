// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';
import { closes } from '../store.js';
import { usd, pnl, fractionPct, ratio } from '../money.js';
import { EquityChart } from './EquityChart.jsx';

/** @type {[import('../api.js').Period, string][]} */
const PERIODS = [['1d', '1 day'], ['7d', '7 days'], ['30d', '30 days'], ['90d', '90 days'], ['1y', '1 year'], ['all', 'All']];

export function Performance() {
  const period = useSignal(/** @type {import('../api.js').Period} */ ('30d'));
  const report = useSignal(null);
  const error = useSignal(null);
  useEffect(() => {
    bodyOf(client.GET('/api/v1/performance', { params: { query: { period: period.value } } }))
      .then(r => { report.value = r; error.value = null; })
      .catch(e => (error.value = e.message));
  }, [period.value, closes.value]); // its figures are of closed trades

  const r = report.value;
  return (
    <section aria-labelledby="perf-h">
      <h1 id="perf-h">Performance</h1>
      <fieldset class="periods">
        <legend>Period</legend>
        {PERIODS.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="period" value={value} checked={period.value === value} onChange={() => (period.value = value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {r && (
        <>
          <dl class="tiles" data-testid="performance">
            <Stat label="Total P&L" value={pnl(r.totalPnl)} />
            <Stat label="Realized" value={pnl(r.realizedPnl)} />
            <Stat label="Unrealized" value={pnl(r.unrealizedPnl)} />
            <Stat label="Fees" value={usd(r.fees)} />
            <Stat label="Closed trades" value={`${r.closedTrades} (${r.wins} won, ${r.losses} lost)`} />
            <Stat label="Win rate" value={fractionPct(r.winRate)} />
            <Stat label="Profit factor" value={ratio(r.profitFactor)} />
            <Stat label="Expectancy" value={pnl(r.expectancy)} />
            <Stat label="Max drawdown" value={`${usd(r.maxDrawdown)} (${fractionPct(r.maxDrawdownPct)})`} />
            <Stat label="Sharpe" value={ratio(r.sharpe)} />
            <Stat label="Sortino" value={ratio(r.sortino)} />
          </dl>
          <h2>Equity curve</h2>
          <EquityChart points={r.equityCurve} label={`Equity curve, ${period.value}`} />
        </>
      )}
    </section>
  );
}

function Stat({ label, value }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
