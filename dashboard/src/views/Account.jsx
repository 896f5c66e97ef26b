// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';
import { usd } from '../money.js';
import { day } from '../dates.js';
import { billingChoice, stripePage } from '../billing.js';

/** The trader's plan as billing sees it: tier, status, renewal, what happens at period end, payment health, limits. */
export function Account() {
  const account = useSignal(null);
  const error = useSignal(null);
  const plans = useSignal(null);
  const plansError = useSignal(null);
  useEffect(() => {
    bodyOf(client.GET('/api/v1/account')).then(a => (account.value = a)).catch(e => (error.value = e.message));
    bodyOf(client.GET('/api/v1/billing/plans')).then(p => (plans.value = p)).catch(e => (plansError.value = e));
  }, []);

  const a = account.value;
  return (
    <section aria-labelledby="account-h">
      <h1 id="account-h">Account</h1>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {a && (
        <>
          <PaymentWarning payment={a.payment} />
          <dl class="tiles" data-testid="account">
            <Item label="Tier" value={cap(a.tier)} testId="tier" />
            <Item label="Status" value={a.subscriptionStatus ? a.subscriptionStatus.replace(/_/g, ' ') : 'No subscription'} />
            <Item label="Renews" value={a.renewsAt ? day(a.renewsAt) : 'Does not renew'} />
            {a.trialEndsAt && <Item label="Trial ends" value={day(a.trialEndsAt)} />}
            {a.currentPeriodEnd && <Item label="Paid until" value={day(a.currentPeriodEnd)} />}
          </dl>
          {a.atPeriodEnd && a.atPeriodEnd.action !== 'none' && a.atPeriodEnd.description && (
            <p class="note" data-testid="period-end">{a.atPeriodEnd.description}</p>
          )}
          <h2 id="limits-h">Your plan's limits</h2>
          <Limits limits={a.entitlements} />
          <Billing choice={billingChoice(a, plans.value, plansError.value)} />
        </>
      )}
    </section>
  );
}

/** Upgrade through Stripe Checkout, or manage billing in Stripe's portal; both leave for Stripe's page. */
function Billing({ choice }) {
  const pending = useSignal(false);
  const failure = useSignal(null);
  /** @param {(headers: Record<string, string>) => Promise<any>} call */
  const go = call => {
    pending.value = true;
    failure.value = null;
    bodyOf(call({ 'Idempotency-Key': `dash-${crypto.randomUUID()}` }))
      .then(link => {
        const url = stripePage(link && link.url);
        if (!url) throw new Error('Billing answered without a page to open.');
        window.location.assign(url);
      })
      .catch(e => {
        pending.value = false;
        failure.value = e.message;
      });
  };
  if (choice.mode === 'loading') return null;
  return (
    <section aria-labelledby="billing-h" data-testid="billing">
      <h2 id="billing-h">Billing</h2>
      {failure.value && <p class="error" role="alert">{failure.value}</p>}
      {choice.mode === 'unavailable' && <p class="note">Billing is not available on this server: {choice.note}</p>}
      {choice.mode === 'portal' && (
        <button type="button" disabled={pending.value} onClick={() => go(headers => client.POST('/api/v1/billing/portal', { headers }))}>
          Manage billing
        </button>
      )}
      {choice.mode === 'checkout' && (
        <>
          {choice.trialDays > 0 && <p class="note">Your first plan starts with a {choice.trialDays}-day free trial.</p>}
          <ul class="offers">
            {choice.offers.map(o => (
              <li key={`${o.plan}-${o.interval}`}>
                <button type="button" disabled={pending.value}
                  onClick={() => go(headers => client.POST('/api/v1/billing/checkout',
                    { headers, body: { plan: o.plan, interval: o.interval } }))}>
                  Upgrade to {cap(o.plan)} — {o.currency === 'usd' ? usd(o.amount) : `${o.amount} ${o.currency.toUpperCase()}`}
                  {o.interval === 'year' ? ' a year' : ' a month'}
                </button>
              </li>
            ))}
          </ul>
          {choice.formerCustomer && (
            <button type="button" disabled={pending.value} onClick={() => go(headers => client.POST('/api/v1/billing/portal', { headers }))}>
              Invoices and billing details
            </button>
          )}
        </>
      )}
    </section>
  );
}

function PaymentWarning({ payment }) {
  if (!payment || (payment.state !== 'failed' && payment.state !== 'action_required')) return null;
  const invoice = /^https:\/\//.test(payment.hostedInvoiceUrl || '') ? payment.hostedInvoiceUrl : null;
  return (
    <div class="warning" role="alert" data-testid="payment-warning">
      <strong>{payment.state === 'failed' ? 'Your last payment failed.' : 'Your payment needs your action.'}</strong>{' '}
      {payment.newOrdersStopped
        ? 'New orders are stopped until it is paid.'
        : payment.graceEndsAt && `New orders stop on ${day(payment.graceEndsAt)} unless it is paid.`}{' '}
      {invoice && <a href={invoice} rel="noopener noreferrer" target="_blank">Pay the invoice</a>}
    </div>
  );
}

function Limits({ limits }) {
  if (!limits) return <p class="note">No limits are known for this tier.</p>;
  const rows = [
    ['Monthly price', limits.monthlyPrice === undefined ? '–' : usd(limits.monthlyPrice)],
    ['Largest position', Number(limits.maxPositionUsd) === 0 ? 'Paper trading only' : unlimited(limits.maxPositionUsd, usd)],
    ['Open positions', unlimited(limits.maxOpenPositions)],
    ['Trades per day', unlimited(limits.tradesPerDay)],
    ['API calls per minute', unlimited(limits.apiCallsPerMinute)],
    ['Connected brokers', unlimited(limits.maxBrokers)],
    ['History kept', unlimited(limits.retentionDays, d => `${d} days`)],
    ['Live trading', limits.liveTrading ? 'Yes' : 'No (paper only)'],
  ];
  return (
    <table class="limits" aria-labelledby="limits-h" data-testid="limits">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Item({ label, value, testId = undefined }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/**
 * -1 means unlimited in the plan's limits.
 * @param {(v: any) => string} [fmt]
 */
const unlimited = (v, fmt = String) => (v === null || v === undefined ? '–' : Number(v) === -1 ? 'Unlimited' : fmt(v));
const cap = s => (s ? s[0].toUpperCase() + s.slice(1) : '–');