import { useEffect } from 'preact/hooks';
import { token, claims, signOut } from './auth.js';
import { connectLive, connection } from './live.js';
import { refreshDashboard, scheduleRefresh, liveChannels, dashboard } from './store.js';
import { route, navigate, VIEWS } from './route.js';
import { SignIn } from './views/SignIn.jsx';
import { Overview } from './views/Overview.jsx';
import { Trades } from './views/Trades.jsx';
import { Orders } from './views/Orders.jsx';
import { Performance } from './views/Performance.jsx';
import { Settings } from './views/Settings.jsx';
import { Brokers } from './views/Brokers.jsx';

const PAGES = { '/': Overview, '/trades': Trades, '/orders': Orders, '/performance': Performance, '/settings': Settings, '/brokers': Brokers };

function wsUrl(config) {
  if (config.wsUrl) return config.wsUrl;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function App({ config }) {
  const jwt = token.value;

  useEffect(() => {
    if (!jwt) return undefined;
    refreshDashboard();
    const live = connectLive({
      url: wsUrl(config),
      token: jwt,
      channels: liveChannels,
      onUpdates: () => scheduleRefresh(),
      onGap: () => scheduleRefresh(0),
    });
    // Follow the prices of newly held markets once a refetch shows them.
    const unsubscribe = dashboard.subscribe(() => live.resubscribe());
    return () => {
      unsubscribe();
      live.close();
    };
  }, [jwt]);

  if (!jwt) return <SignIn config={config} />;
  const Page = PAGES[route.value] || NotFound;
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <strong class="brand">NIJA</strong>
        <nav aria-label="Views">
          {VIEWS.map(v => (
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
        <button type="button" class="link" onClick={signOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
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
