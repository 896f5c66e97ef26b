import { useSignal } from '@preact/signals';
import { localSignIn } from '../auth.js';
import { beginHostedSignIn } from '../hosted.js';

/** The local platform's sign-in: a trader id is enough there (it issues dev tokens, as `token --user` does). */
export function SignIn({ config, signInError }) {
  const traderId = useSignal('demo-trader');
  const error = useSignal(null);
  const busy = useSignal(false);
  if (config.signIn === 'cognito') return <HostedSignIn config={config} error={signInError} />;
  if (config.signIn !== 'local') {
    return (
      <main id="main" class="signin">
        <h1>NIJA</h1>
        <p>Sign-in for this deployment is not available in this build.</p>
      </main>
    );
  }
  const submit = async e => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await localSignIn(traderId.value.trim());
    } catch (err) {
      error.value = err.message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <main id="main" class="signin">
      <h1>Sign in to NIJA (local)</h1>
      <form onSubmit={submit} noValidate>
        <label for="trader-id">Trader id</label>
        <input
          id="trader-id"
          name="traderId"
          autocomplete="username"
          required
          value={traderId.value}
          onInput={e => (traderId.value = e.currentTarget.value)}
          aria-invalid={error.value ? 'true' : undefined}
          aria-describedby={error.value ? 'signin-error' : undefined}
        />
        {error.value && <p id="signin-error" class="error" role="alert">{error.value}</p>}
        <button type="submit" disabled={busy.value}>Sign in</button>
      </form>
      <p class="hint">Only the local platform serves this form. You can also open <code>/#token=&lt;JWT&gt;</code>.</p>
    </main>
  );
}

/** In AWS: Cognito's hosted sign-in page (authorization code with PKCE); the page comes back to /auth/callback. */
function HostedSignIn({ config, error }) {
  return (
    <main id="main" class="signin">
      <h1>Sign in to NIJA</h1>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" onClick={() => beginHostedSignIn(config)}>Sign in</button>
    </main>
  );
}
