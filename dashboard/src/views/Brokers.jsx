// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf, answer, ApiError } from '../api.js';
import { VENUES, venue, emptyKeyForm, keyBody, withoutSecrets } from '../venues.js';

/**
 * Venue keys and the trading mode (README "Trading real money"). Key fields are write-only: the API shows only the
 * last 4 characters of a key's id, and secret inputs are emptied after every submit, accepted or not.
 */
export function Brokers() {
  const brokers = useSignal(null);
  const mode = useSignal(null);
  const status = useSignal(null); // { kind: 'ok' | 'error', text }

  const load = async () => {
    const [b, m] = await Promise.all([bodyOf(client.GET('/api/v1/brokers')), bodyOf(client.GET('/api/v1/trading/mode'))]);
    brokers.value = b.brokers || [];
    mode.value = m;
  };
  const run = async (action, okText) => {
    status.value = null;
    try {
      const result = await action();
      status.value = { kind: 'ok', text: typeof okText === 'function' ? okText(result) : okText };
      await load();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.value = { kind: 'error', text: problemText(err) };
    }
  };
  useEffect(() => { load().catch(e => (status.value = { kind: 'error', text: e.message })); }, []);

  if (!brokers.value) return <p role="status">{status.value?.text || 'Loading…'}</p>;
  return (
    <section aria-labelledby="brokers-h">
      <h1 id="brokers-h">Brokers and mode</h1>
      {status.value && (
        <p role={status.value.kind === 'ok' ? 'status' : 'alert'} class={status.value.kind === 'ok' ? 'ok' : 'error'} data-testid="brokers-status">
          {status.value.text}
        </p>
      )}
      <Mode mode={mode.value} brokers={brokers.value} run={run} />
      <h2>Connected venues</h2>
      {brokers.value.length === 0 ? <p>No venue connected: you trade on paper.</p> : (
        <table>
          <thead><tr><th>Venue</th><th>Key</th><th>Status</th><th>Last test</th><th><span class="sr">Actions</span></th></tr></thead>
          <tbody>
            {brokers.value.map(b => (
              <tr key={b.venue}>
                <td>{venue(b.venue)?.label || b.venue}{b.sandbox ? ' (sandbox)' : ''}{b.live ? ' — live' : ''}</td>
                <td>…{b.keyHint}</td>
                <td>{b.status}</td>
                <td>
                  {b.lastTestAt ? `${b.lastTestOk ? 'passed' : 'failed'} ${new Date(b.lastTestAt).toLocaleString()}` : 'not tested'}
                  {(b.problems || []).length > 0 && <ul class="problems">{b.problems.map(p => <li key={p}>{p}</li>)}</ul>}
                </td>
                <td>
                  <button type="button" onClick={() => run(() => bodyOf(client.POST('/api/v1/brokers/{venue}/test', { params: { path: { venue: b.venue } } })),
                    r => (r.ok ? `The ${b.venue} key passed its test.` : `The ${b.venue} key failed its test.`))}>Test</button>{' '}
                  <RemoveButton venue={b.venue} run={run} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConnectForm run={run} />
    </section>
  );
}

/** Removing asks once more before it deletes the key. */
function RemoveButton({ venue: id, run }) {
  const confirming = useSignal(false);
  if (!confirming.value) return <button type="button" onClick={() => (confirming.value = true)}>Remove</button>;
  return (
    <>
      <button type="button" class="danger" onClick={() => run(() => answer(client.DELETE('/api/v1/brokers/{venue}', { params: { path: { venue: id } } })), `The ${id} key is removed.`)}>
        Remove the {id} key
      </button>{' '}
      <button type="button" onClick={() => (confirming.value = false)}>Keep it</button>
    </>
  );
}

function ConnectForm({ run }) {
  const venueId = useSignal(/** @type {import('../api.js').Venue} */ (VENUES[0].id));
  const form = useSignal(emptyKeyForm(VENUES[0].id));
  const errors = useSignal({});
  const v = venue(venueId.value);

  const submit = async e => {
    e.preventDefault();
    const body = keyBody(venueId.value, form.value);
    // Cleared before the request returns: a secret never waits in the page for the answer.
    form.value = withoutSecrets(venueId.value, form.value);
    errors.value = {};
    await run(async () => {
      try {
        return await answer(client.PUT('/api/v1/brokers/{venue}', { params: { path: { venue: venueId.value } }, body }));
      } catch (err) {
        if (err instanceof ApiError) errors.value = err.fieldErrors;
        throw err;
      }
    }, `The ${venueId.value} key is connected. Test it before going live.`);
  };

  return (
    <form class="settings" onSubmit={submit} noValidate autocomplete="off">
      <h2>Connect a key</h2>
      <p class="hint">Give the key trading and reading permissions, never withdrawals. It is never shown again.</p>
      <div class="field">
        <label for="b-venue">Venue</label>
        <select id="b-venue" value={venueId.value} onChange={e => {
          venueId.value = /** @type {import('../api.js').Venue} */ (e.currentTarget.value);
          form.value = emptyKeyForm(venueId.value);
          errors.value = {};
        }}>
          {VENUES.map(x => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
      </div>
      {v.fields.map(f => {
        const id = `b-${f.name}`;
        const err = errors.value[f.name];
        const common = {
          id, name: f.name,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${id}-error` : undefined,
        };
        const set = value => (form.value = { ...form.value, [f.name]: value });
        return (
          <div class={f.flag ? 'field check' : 'field'} key={`${v.id}-${f.name}`}>
            {f.flag ? (
              <>
                <input type="checkbox" {...common} checked={form.value[f.name]} onChange={e => set(e.currentTarget.checked)} />
                <label for={id}>{f.label}</label>
              </>
            ) : (
              <>
                <label for={id}>{f.label}</label>
                {f.multiline ? (
                  <textarea {...common} rows={4} spellcheck={false} value={form.value[f.name]} onInput={e => set(e.currentTarget.value)} />
                ) : (
                  <input {...common} type={/** @type {any} Preact's types take one literal type per input */ (f.secret ? 'password' : 'text')} autocomplete={f.secret ? 'new-password' : 'off'}
                    spellcheck={false} value={form.value[f.name]} onInput={e => set(e.currentTarget.value)} />
                )}
              </>
            )}
            {err && <span id={`${id}-error`} class="error">{err}</span>}
          </div>
        );
      })}
      <button type="submit">Connect {v.label}</button>
    </form>
  );
}

/** Paper or live; going live names the venue and needs the trader's explicit acknowledgement of the risk. */
function Mode({ mode, brokers, run }) {
  const target = useSignal(brokers[0]?.venue || '');
  const acknowledged = useSignal(false);
  const live = mode?.mode === 'live';
  return (
    <div class="tile mode" data-testid="trading-mode">
      <h2>Trading mode</h2>
      <p>
        {live ? <>Live on <strong>{mode.venue}</strong>: new orders use real money.</> : <>Paper: new orders are simulated.</>}
      </p>
      {live ? (
        <button type="button" onClick={() => run(() => answer(client.PUT('/api/v1/trading/mode', { body: { mode: 'paper' } })),
          'New orders go to paper. Open live positions stay with their venue.')}>Switch to paper</button>
      ) : brokers.length === 0 ? <p class="hint">Connect and test a venue key to trade live.</p> : (
        <form onSubmit={e => {
          e.preventDefault();
          run(() => answer(client.PUT('/api/v1/trading/mode', { body: { mode: 'live', venue: target.value, acknowledgeRisk: acknowledged.value } })),
            `Live on ${target.value}.`).then(() => (acknowledged.value = false));
        }}>
          <div class="field">
            <label for="m-venue">Venue</label>
            <select id="m-venue" value={target.value} onChange={e => (target.value = e.currentTarget.value)}>
              {brokers.map(b => <option key={b.venue} value={b.venue}>{venue(b.venue)?.label || b.venue}</option>)}
            </select>
          </div>
          <div class="field check">
            <input type="checkbox" id="m-ack" checked={acknowledged.value} onChange={e => (acknowledged.value = e.currentTarget.checked)} />
            <label for="m-ack">I understand that live orders use real money and can lose it.</label>
          </div>
          <button type="submit" class="danger">Go live</button>
        </form>
      )}
    </div>
  );
}

/** The API's refusal, with each named field's rule (going live lists everything missing at once). */
function problemText(err) {
  const fields = (err.problem.errors || []).map(e => `${e.field}: ${e.message}`);
  return fields.length ? `${err.message} ${fields.join('; ')}` : err.message;
}
