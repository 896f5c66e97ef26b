import { useEffect } from 'preact/hooks';
import { token, claims, signOut } from './auth.js';
import { connectLive, connection, liveUrl } from './live.js';
import { refreshDashboard, scheduleRefresh, applyUpdates, liveChannels, dashboard, stopRefetches } from './store.js';
import { rateNote } from './api.js';
import { route, navigate, VIEWS, allowed } from './route.js';
import { hostedSignOut } from './hosted.js';
import { SignIn } from './views/SignIn.jsx';
import { Overview } from './views/Overview.jsx';
import { Trades } from './views/Trades.jsx';
import { Performance } from './views/Performance.jsx';
import { Settings } from './views/Settings.jsx';
import { Brokers } from './views/Brokers.jsx';
import { Positions } from './views/Positions.jsx';
import { Orders } from './views/Orders.jsx';
import { Account } from './views/Account.jsx';
import { Admin } from './views/Admin.jsx';
import { Refused } from './views/Refused.jsx';
import { lazyView } from './views/Lazy.jsx';

// Finance brings charts and tables only its staff need: its own chunk, loaded on the first visit.
const Finance = lazyView(() => import('./views/Finance.jsx'));

const PAGES = { '/': Overview, '/positions': Positions, '/orders': Orders, '/trades': Trades,
  '/performance': Performance, '/settings': Settings, '/brokers': Brokers, '/account': Account, '/admin': Admin,
  '/finance': Finance };

export function App({ config, signInError }) {
  const jwt = token.value;

  useEffect(() => {
    if (!jwt) return undefined;
    refreshDashboard();
    const live = connectLive({
      url: liveUrl(config),
      token: jwt,
      channels: liveChannels,
      onUpdates: applyUpdates,
      onGap: () => scheduleRefresh(0, { closed: true, orders: true }), // what was missed may be any of them
    });
    // Follow the prices of newly held markets once a refetch shows them.
    const unsubscribe = dashboard.subscribe(() => live.resubscribe());
    return () => {
      unsubscribe();
      live.close();
      stopRefetches();
    };
  }, [jwt]);

  if (!jwt) return <SignIn config={config} signInError={signInError} />;
  const view = VIEWS.find(v => v.path === route.value);
  const Page = view && !allowed(view, claims.value) ? Refused : PAGES[route.value] || NotFound;
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <strong class="brand">NIJA</strong>
        <nav aria-label="Views">
          {VIEWS.filter(v => allowed(v, claims.value)).map(v => (
            <a
              href={v.path}
              aria-current={route.value === v.path ? 'page' : undefined}
              onClick={e => {
                e.preventDefault();
                navigate(v.path);
              }}
            >
              {v.label}
            </a>
          ))}
        </nav>
        <span class={`conn conn-${connection.value}`} role="status" aria-live="polite" data-testid="connection">
          {connection.value === 'live' ? 'Live' : connection.value === 'connecting' ? 'Connecting…' : 'Offline'}
        </span>
        <span class="who">{claims.value?.sub}</span>
        <button type="button" class="link" onClick={() => (config.signIn === 'cognito' ? hostedSignOut(config) : signOut())}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {rateNote.value && <p class="note" role="status" data-testid="rate-note">{rateNote.value}</p>}
        <Page />
      </main>
      <footer class="foot">
        Charts by <a href="https://www.tradingview.com/" rel="noopener noreferrer" target="_blank">TradingView</a>
      </footer>
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        <a href="/" onClick={e => { e.preventDefault(); navigate('/'); }}>Back to the overview</a>
      </p>
    </section>
  );
}
