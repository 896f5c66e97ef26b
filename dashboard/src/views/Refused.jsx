import { navigate } from '../route.js';

/** A view this token's groups do not allow: said plainly, and nothing of it is fetched (the API refuses it too). */
export function Refused() {
  return (
    <section aria-labelledby="refused-h" data-testid="refused">
      <h1 id="refused-h">Not available to you</h1>
      <p>This view is for NIJA staff. Your account does not have access to it.</p>
      <p>
        <a href="/" onClick={e => { e.preventDefault(); navigate('/'); }}>Back to the overview</a>
      </p>
    </section>
  );
}
