// CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a comma, a
// quote or a line break. Values are written as the API sent them, so money stays the exact decimal string.

function field(value) {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A leading =, +, - or @ makes a spreadsheet evaluate the cell; a quote mark before it keeps it text
  // (OWASP "CSV injection"). Numbers such as "-3.20" are left alone: they are data, not formulas.
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `columns` is a list of [header, key]; rows are objects. */
export function toCsv(columns, rows) {
  const lines = [columns.map(([header]) => field(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([, key]) => field(row[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const TRADE_COLUMNS = [
  ['executed_at', 'executedAt'],
  ['trade_id', 'tradeId'],
  ['order_id', 'orderId'],
  ['position_id', 'positionId'],
  ['symbol', 'symbol'],
  ['side', 'side'],
  ['quantity', 'quantity'],
  ['price', 'price'],
  ['fee', 'fee'],
  ['realized_pnl', 'realizedPnl'],
];
