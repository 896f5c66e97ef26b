import { useEffect, useRef } from 'preact/hooks';

/**
 * The equity curve, drawn by TradingView's lightweight-charts. The library is loaded on first use so it stays out
 * of the first paint. Points become numbers only here, for plotting; every figure shown as text stays a decimal.
 */
export function EquityChart({ points, label = 'Equity curve', testId = 'equity-chart' }) {
  const box = useRef(null);
  const chart = useRef(null);

  useEffect(() => {
    let disposed = false;
    import('lightweight-charts').then(({ createChart, AreaSeries }) => {
      if (disposed || !box.current) return;
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      const c = createChart(box.current, {
        autoSize: true,
        layout: { background: { color: 'transparent' }, textColor: dark ? '#d8dee9' : '#1f2933', attributionLogo: false },
        grid: { vertLines: { visible: false }, horzLines: { color: dark ? '#2e3440' : '#e4e7eb' } },
        timeScale: { timeVisible: true },
      });
      const series = c.addSeries(AreaSeries, { lineColor: '#2f80ed', topColor: 'rgba(47,128,237,0.35)', bottomColor: 'rgba(47,128,237,0.02)' });
      chart.current = { c, series };
      series.setData(toSeries(points));
      c.timeScale().fitContent();
    });
    return () => {
      disposed = true;
      chart.current?.c.remove();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.series.setData(toSeries(points));
    chart.current.c.timeScale().fitContent();
  }, [points]);

  return <div class="chart" ref={box} role="img" aria-label={label} data-testid={testId} data-points={points?.length || 0} />;
}

/** Ascending, one point per second (the chart refuses repeats). */
export function toSeries(points = []) {
  const out = [];
  for (const p of points) {
    const time = Math.floor(Date.parse(p.t) / 1000);
    if (!Number.isFinite(time)) continue;
    const value = Number(p.equity);
    if (out.length && out[out.length - 1].time >= time) out.pop();
    out.push({ time, value });
  }
  return out;
}
