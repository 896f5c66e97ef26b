// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, answer, ApiError } from '../api.js';

// The fields a trader edits; the rest of the settings (version, updatedAt) belong to the server.
const NUMBER_FIELDS = [
  ['positionSizePct', 'Position size (% of equity)'],
  ['maxOpenPositions', 'Max open positions'],
  ['dailyLossLimit', 'Daily loss limit (USD)'],
  ['stopLossPct', 'Default stop-loss (%)'],
  ['takeProfitPct', 'Default take-profit (%)'],
];
const LIST_FIELDS = [
  ['allowedSymbols', 'Allowed symbols (comma-separated, empty = all)'],
  ['subscriptions', 'Signal sources that trade for you (comma-separated)'],
];
const BOOL_FIELDS = [
  ['tradingEnabled', 'Trading enabled'],
  ['allowShorts', 'Allow shorts'],
];

/** The risk settings form: PUT with If-Match; the API's field errors next to the fields; a 412 offers a reload. */
export function Settings() {
  const form = useSignal(null);
  const etag = useSignal(null);
  const errors = useSignal({});
  const status = useSignal(null); // { kind: 'saved' | 'error' | 'conflict', text }

  const load = async () => {
    const { body, etag: tag } = await answer(client.GET('/api/v1/settings'));
    form.value = toForm(body);
    etag.value = tag;
    errors.value = {};
  };
  useEffect(() => { load().catch(e => (status.value = { kind: 'error', text: e.message })); }, []);

  const save = async e => {
    e.preventDefault();
    status.value = null;
    try {
      const { body, etag: tag } = await answer(client.PUT('/api/v1/settings', {
        body: fromForm(form.value),
        params: { header: etag.value ? { 'If-Match': etag.value } : {} },
      }));
      form.value = toForm(body);
      etag.value = tag;
      errors.value = {};
      status.value = { kind: 'saved', text: 'Settings saved.' };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors.value = err.fieldErrors;
      status.value = err.status === 412
        ? { kind: 'conflict', text: 'Someone saved these settings in the meantime.' }
        : { kind: 'error', text: err.message };
    }
  };

  if (!form.value) return <p role="status">{status.value?.text || 'Loading…'}</p>;
  const f = form.value;
  const set = (name, value) => (form.value = { ...form.value, [name]: value });
  const fieldProps = name => ({
    id: `s-${name}`,
    name,
    'aria-invalid': errors.value[name] ? true : undefined,
    'aria-describedby': errors.value[name] ? `s-${name}-error` : undefined,
  });
  const fieldError = name => errors.value[name] && <span id={`s-${name}-error`} class="error">{errors.value[name]}</span>;

  return (
    <section aria-labelledby="settings-h">
      <h1 id="settings-h">Settings</h1>
      <form class="settings" onSubmit={save} noValidate>
        {NUMBER_FIELDS.map(([name, label]) => (
          <div class="field" key={name}>
            <label for={`s-${name}`}>{label}</label>
            <input {...fieldProps(name)} inputMode="decimal" value={f[name]} onInput={e => set(name, e.currentTarget.value)} />
            {fieldError(name)}
          </div>
        ))}
        {LIST_FIELDS.map(([name, label]) => (
          <div class="field" key={name}>
            <label for={`s-${name}`}>{label}</label>
            <input {...fieldProps(name)} value={f[name]} onInput={e => set(name, e.currentTarget.value)} />
            {fieldError(name)}
          </div>
        ))}
        {BOOL_FIELDS.map(([name, label]) => (
          <div class="field check" key={name}>
            <input type="checkbox" {...fieldProps(name)} checked={f[name]} onChange={e => set(name, e.currentTarget.checked)} />
            <label for={`s-${name}`}>{label}</label>
            {fieldError(name)}
          </div>
        ))}
        <button type="submit">Save settings</button>
        {status.value && (
          <p role={status.value.kind === 'saved' ? 'status' : 'alert'} class={status.value.kind === 'saved' ? 'ok' : 'error'} data-testid="settings-status">
            {status.value.text}{' '}
            {status.value.kind === 'conflict' && <button type="button" onClick={() => load().then(() => (status.value = null))}>Reload the latest</button>}
          </p>
        )}
      </form>
    </section>
  );
}

function toForm(s) {
  const out = {};
  for (const [name] of NUMBER_FIELDS) out[name] = s[name] == null ? '' : String(s[name]);
  for (const [name] of LIST_FIELDS) out[name] = (s[name] || []).join(', ');
  for (const [name] of BOOL_FIELDS) out[name] = Boolean(s[name]);
  return out;
}

/**
 * Numbers go as the decimal strings typed (the API reads them exactly); blanks as null.
 * @returns {import('../api.js').SettingsInput}
 */
function fromForm(f) {
  const out = /** @type {any} */ ({});
  for (const [name] of NUMBER_FIELDS) {
    const v = f[name].trim();
    out[name] = v === '' ? null : name === 'maxOpenPositions' && /^\d+$/.test(v) ? Number(v) : v;
  }
  for (const [name] of LIST_FIELDS) out[name] = f[name].split(',').map(x => x.trim()).filter(Boolean);
  for (const [name] of BOOL_FIELDS) out[name] = f[name];
  return out;
}
