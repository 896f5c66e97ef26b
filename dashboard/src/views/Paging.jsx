import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { revision } from '../store.js';

/**
 * A listing read a page at a time through the API's opaque cursors. `fetchPage(cursor)` resolves to the page's
 * body (with `nextCursor`); `deps` are the filters, and changing one should go with `reset()`. The first page follows
 * live changes; later pages stay still while being read.
 */
export function useCursorPages(fetchPage, deps) {
  const cursors = useSignal([null]); // cursor of each page seen so far; the last is the current page
  const page = useSignal(null);
  const error = useSignal(null);
  const asked = useSignal(0);

  useEffect(() => {
    const ticket = ++asked.value; // an older answer arriving late must not replace a newer one
    fetchPage(cursors.value[cursors.value.length - 1])
      .then(body => { if (ticket === asked.value) { page.value = body; error.value = null; } })
      .catch(e => { if (ticket === asked.value) error.value = e.message; });
  }, [cursors.value, ...deps, cursors.value.length === 1 ? revision.value : 0]);

  return {
    page,
    error,
    number: cursors.value.length,
    newer: cursors.value.length > 1 ? () => (cursors.value = cursors.value.slice(0, -1)) : null,
    older: page.value?.nextCursor ? () => (cursors.value = [...cursors.value, page.value.nextCursor]) : null,
    reset: () => (cursors.value = [null]),
  };
}

export function Pager({ pages, label }) {
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" disabled={!pages.newer} onClick={pages.newer}>Newer</button>
      <span>Page {pages.number}</span>
      <button type="button" disabled={!pages.older} onClick={pages.older}>Older</button>
    </nav>
  );
}
