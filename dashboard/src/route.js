import { signal } from '@preact/signals';

export const VIEWS = [
  { path: '/', label: 'Overview' },
  { path: '/trades', label: 'Trades' },
  { path: '/orders', label: 'Orders' },
  { path: '/performance', label: 'Performance' },
  { path: '/settings', label: 'Settings' },
  { path: '/brokers', label: 'Brokers' },
];

export const route = signal(location.pathname);

export function navigate(path) {
  if (path === route.value) return;
  history.pushState(null, '', path);
  route.value = path;
}

addEventListener('popstate', () => {
  route.value = location.pathname;
});
