/** The calendar day of an instant, in UTC (as billing counts periods): "2031-07-01 UTC"; "–" when absent. */
export const day = iso => (iso ? `${String(iso).slice(0, 10)} UTC` : '–');
