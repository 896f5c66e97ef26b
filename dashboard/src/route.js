import { signal } from '@preact/signals';

export const VIEWS = [
  { path: '/', label: 'Overview' },
  { path: '/positions', label: 'Positions' },
  { path: '/orders', label: 'Orders' },
  { path: '/trades', label: 'Trades' },
  { path: '/performance', label: 'Performance' },
  { path: '/settings', label: 'Settings' },
  { path: '/brokers', label: 'Brokers' },
  { path: '/account', label: 'Account' },
  // Staff views: shown only to tokens in one of `groups` (the API refuses everyone else too).
  { path: '/admin', label: 'Admin', groups: ['admin'] },
  { path: '/finance', label: 'Finance', groups: ['finance', 'admin'] },
];

/** Whether a token with these claims may open the view: no `groups` means every signed-in trader. */
export function allowed(view, claims) {
  if (!view.groups) return true;
  const groups = claims?.['cognito:groups'];
  const held = Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.split(/[\s,]+/) : [];
  return view.groups.some(g => held.includes(g));
}

export const route = signal(location.pathname);

export function navigate(path) {
  if (path === route.value) return;
  history.pushState(null, '', path);
  route.value = path;
}

addEventListener('popstate', () => {
  route.value = location.pathname;
});
