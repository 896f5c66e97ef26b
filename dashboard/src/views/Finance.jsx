// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';
import { ratio, fractionPct } from '../money.js';
import { monthsUpTo, chartCurrency, monthlyPoints, revenueIn } from '../finance.js';
import { EquityChart } from './EquityChart.jsx';
import { day } from '../dates.js';

const MONTHS = 12;

/** Finance staff's view (loaded on first visit): MRR, ARR and churn by month as charts and a table; subscribers. */
export default function Finance() {
  const metrics = useSignal(null);
  const error = useSignal(null);
  useEffect(() => {
    // The API's own current month (its clock, not this browser's) anchors the year asked for.
    bodyOf(client.GET('/api/v1/admin/billing/metrics'))
      .then(current => Promise.all(monthsUpTo(current.month, MONTHS).slice(0, -1)
        .map(month => bodyOf(client.GET('/api/v1/admin/billing/metrics', { params: { query: { month } } }))))
        .then(past => [...past, current]))
      .then(all => (metrics.value = all))
      .catch(e => (error.value = e.message));
  }, []);

  const all = metrics.value;
  const currency = all && chartCurrency(all);
  return (
    <section aria-labelledby="finance-h">
      <h1 id="finance-h">Finance</h1>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {!all && !error.value && <p class="note">Loading the last {MONTHS} months…</p>}
      {all && (
        <>
          <h2>MRR by month{currency ? ` (${currency.toUpperCase()})` : ''}</h2>
          <EquityChart testId="mrr-chart" label={`MRR by month, last ${MONTHS} months`}
            points={monthlyPoints(all, m => revenueIn(m, currency)?.mrr ?? '0')} />
          <h2>Churn rate by month</h2>
          <EquityChart testId="churn-chart" label={`Churn rate by month, last ${MONTHS} months`}
            points={monthlyPoints(all, m => m.churnRate)} />
          <h2 id="months-h">Month by month</h2>
          <div class="scroll" role="region" aria-labelledby="months-h" tabIndex={0}>
            <table data-testid="finance-months" aria-labelledby="months-h">
              <thead>
                <tr>
                  <th scope="col">Month</th><th scope="col" class="num">MRR{currency ? ` (${currency.toUpperCase()})` : ''}</th><th scope="col" class="num">ARR</th>
                  <th scope="col" class="num">Paying</th><th scope="col" class="num">New</th>
                  <th scope="col" class="num">Churned</th><th scope="col" class="num">Churn rate</th>
                </tr>
              </thead>
              <tbody>
                {[...all].reverse().map(m => {
                  const r = revenueIn(m, currency);
                  return (
                    <tr key={m.month} data-month={m.month}>
                      <th scope="row">{m.month}</th>
                      <td class="num">{ratio(r ? r.mrr : '0')}</td>
                      <td class="num">{ratio(r ? r.arr : '0')}</td>
                      <td class="num">{m.payingSubscribers}</td>
                      <td class="num">{m.newSubscriptions}</td>
                      <td class="num">{m.churned}</td>
                      <td class="num">{m.churnRate === null ? '–' : fractionPct(m.churnRate)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Subscribers />
        </>
      )}
    </section>
  );
}

function Subscribers() {
  const rows = useSignal([]);
  const next = useSignal(null);
  const error = useSignal(null);
  const load = cursor => bodyOf(client.GET('/api/v1/admin/billing/subscribers', { params: { query: { limit: 50, cursor: cursor || undefined } } }))
    .then(page => {
      rows.value = [...(cursor ? rows.value : []), ...page.subscribers];
      next.value = page.nextCursor || null;
    })
    .catch(e => (error.value = e.message));
  useEffect(() => { load(null); }, []);

  return (
    <>
      <h2 id="subs-h">Subscribers</h2>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      <div class="scroll" role="region" aria-labelledby="subs-h" tabIndex={0}>
        <table data-testid="subscribers" aria-labelledby="subs-h">
          <thead>
            <tr>
              <th scope="col">Subscription</th><th scope="col">Trader</th><th scope="col">Status</th>
              <th scope="col">Tier</th><th scope="col" class="num">Monthly</th><th scope="col">Period ends</th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map(s => (
              <tr key={s.subscriptionId}>
                <td>{s.subscriptionId}</td>
                <td>{s.userId || '–'}</td>
                <td>{s.status}{s.cancelAtPeriodEnd ? ' (cancels)' : ''}</td>
                <td>{s.tier}</td>
                <td class="num">{s.monthlyAmount === null ? '–' : `${ratio(s.monthlyAmount)} ${(s.currency || '').toUpperCase()}`}</td>
                <td>{day(s.currentPeriodEnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.value.length === 0 && !error.value && <p class="note">No subscriptions yet.</p>}
      {next.value && <button type="button" onClick={() => load(next.value)}>More subscribers</button>}
    </>
  );
}
