const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** An ISO instant in the reader's locale and zone; "–" when missing. */
export function formatTime(iso) {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? timeFormat.format(ms) : '–';
}
