/**
 * An order's reasons in words: the signal's explanation (which conditions held, indicator values — any JSON object a
 * source sends, APEX's included) and what the engine did (a ladder rung, a stop). Pure, so it is unit-tested.
 */

/** `rsiInBand` → `rsi in band`; `ema21` stays. */
function words(key) {
  return String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function value(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The explanation as lists a person reads: conditions that held and did not, indicator values, and any other field
 * as `name: value`. Unknown shapes are shown, never dropped.
 */
export function explain(explanation) {
  if (!explanation || typeof explanation !== 'object') return { held: [], missed: [], indicators: [], other: [] };
  const conditions = explanation.conditions && typeof explanation.conditions === 'object' ? explanation.conditions : {};
  const indicators = explanation.indicators && typeof explanation.indicators === 'object' ? explanation.indicators : {};
  return {
    held: Object.keys(conditions).filter(k => conditions[k] === true).map(words),
    missed: Object.keys(conditions).filter(k => conditions[k] !== true).map(words),
    indicators: Object.keys(indicators).map(k => `${k} ${value(indicators[k])}`),
    other: Object.keys(explanation).filter(k => k !== 'conditions' && k !== 'indicators')
      .map(k => `${words(k)}: ${value(explanation[k])}`),
  };
}

/** What caused an order no signal sent directly: a ladder rung, a stop, a target, a click. */
export function cause(order) {
  if (order.rung) return `take-profit rung ${order.rung}`;
  if (order.source === 'engine' || order.source === 'trader') return order.strategy;
  return `signal from ${order.source}`;
}
