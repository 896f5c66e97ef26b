// @ts-check
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { client, bodyOf } from '../api.js';

/** Operators' kill switch: engaged, every engine stops placing new orders; closes, stops and targets still run. */
export function Admin() {
  const state = useSignal(null);
  const reason = useSignal('');
  const error = useSignal(null);
  const busy = useSignal(false);
  useEffect(() => {
    bodyOf(client.GET('/api/v1/admin/kill-switch')).then(s => (state.value = s)).catch(e => (error.value = e.message));
  }, []);

  const engaged = state.value?.engaged === true;
  const flip = async e => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const change = { engaged: !engaged, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) };
      state.value = await bodyOf(client.POST('/api/v1/admin/kill-switch', { body: change }));
      reason.value = '';
    } catch (err) {
      error.value = err.message;
    } finally {
      busy.value = false;
    }
  };

  return (
    <section aria-labelledby="admin-h">
      <h1 id="admin-h">Admin</h1>
      <h2 id="kill-h">Kill switch</h2>
      <p role="status" data-testid="kill-switch-state" class={engaged ? 'error' : 'ok'}>
        {state.value === null
          ? 'Reading the kill switch…'
          : engaged
            ? `Engaged: no new orders anywhere${state.value.reason ? ` (${state.value.reason})` : ''}${by(state.value)}.`
            : `Released: trading runs normally${by(state.value)}.`}
      </p>
      {state.value !== null && (
        <form class="settings" aria-labelledby="kill-h" onSubmit={flip}>
          <div class="field">
            <label for="kill-reason">Reason {engaged ? 'for releasing' : 'for engaging'}</label>
            <textarea id="kill-reason" rows={2} maxLength={500} value={reason.value}
              onInput={e => (reason.value = e.currentTarget.value)} />
          </div>
          {error.value && <p class="error" role="alert">{error.value}</p>}
          <div>
            <button type="submit" class={engaged ? undefined : 'danger'} disabled={busy.value}>
              {engaged ? 'Release kill switch' : 'Engage kill switch'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

const by = s => (s.changedBy ? `; last changed by ${s.changedBy}${s.changedAt ? ` at ${s.changedAt}` : ''}` : '');
