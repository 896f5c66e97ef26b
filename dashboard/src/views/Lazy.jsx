import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';

/** A view whose code is fetched on its first visit (its module's default export), out of the first load. */
export function lazyView(load) {
  let loaded = null;
  return function LazyView() {
    const View = useSignal(loaded);
    const error = useSignal(null);
    useEffect(() => {
      if (loaded) return;
      load().then(m => (View.value = loaded = m.default)).catch(e => (error.value = e.message));
    }, []);
    if (error.value) return <p class="error" role="alert">This view could not be loaded: {error.value}</p>;
    const V = View.value;
    return V ? <V /> : <p class="note">Loading…</p>;
  };
}
