import { render } from 'preact';
import { takeTokenFromFragment } from './auth.js';
import { App } from './App.jsx';
import { completeHostedSignIn, resumeSession } from './hosted.js';
import './styles.css';

takeTokenFromFragment();
// A link to /#token=… opened in a tab that already shows the dashboard changes only the fragment.
addEventListener('hashchange', () => takeTokenFromFragment());

async function boot() {
  // /config.json says how to sign in here: the local platform answers {"signIn":"local"}; in AWS the deployment
  // writes the Cognito details next to index.html.
  let config = { signIn: 'local' };
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (res.ok) config = await res.json();
  } catch {
    // keep the default: the local platform
  }
  let signInError = null;
  if (config.signIn === 'cognito') {
    // Back from Cognito's hosted UI with a code, or a reload: the HttpOnly cookie may hold a session.
    try {
      if (!(await completeHostedSignIn())) await resumeSession();
    } catch (e) {
      signInError = e.message;
    }
  }
  render(<App config={config} signInError={signInError} />, document.getElementById('app'));
}

boot();
