package com.nija.shared.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nija.shared.json.Json;
import com.nija.shared.performance.PerformanceReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest's output: the performance figures as text (what the command prints) and as the API's JSON, the equity
 * curve and the fills as CSV, and one self-contained HTML page (inline SVG chart, no external resource) with the
 * figures, the chart and the trade list.
 */
public final class BacktestReport {
    public static final String EQUITY_CSV = "equity.csv";
    public static final String TRADES_CSV = "trades.csv";
    public static final String PERFORMANCE_JSON = "performance.json";
    public static final String HTML = "report.html";
    /** Points drawn in the chart: enough for a smooth line, few enough for a light page over a year of closes. */
    private static final int CHART_POINTS = 1200;

    private BacktestReport() {}

    /** Writes the four files into {@code dir} (created if missing). */
    public static void write(BacktestResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(EQUITY_CSV), StandardCharsets.UTF_8)) {
                out.write("time,cash,equity,openPositions\n");
                for (EquityMark m : r.equity()) {
                    out.write(m.at() + "," + money(m.cash()) + "," + money(m.equity()) + "," + m.openPositions() + "\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(TRADES_CSV), StandardCharsets.UTF_8)) {
                out.write("time,symbol,position,side,why,quantity,price,fee,realizedPnl\n");
                for (BacktestTrade t : r.trades()) {
                    out.write(t.at() + "," + t.symbol() + "," + t.positionId() + "," + t.side() + "," + t.why() + ","
                            + t.quantity().toPlainString() + "," + t.price().toPlainString() + ","
                            + t.fee().toPlainString() + "," + (t.realizedPnl() == null ? "" : money(t.realizedPnl()))
                            + "\n");
                }
            }
            Files.writeString(dir.resolve(PERFORMANCE_JSON),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r.performance()));
            Files.writeString(dir.resolve(HTML), html(r), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("performance report not writable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backtest report into " + dir, e);
        }
    }

    /** The figures {@code GET /api/v1/performance} reports, one per line, and what the run played. */
    public static String summary(BacktestResult r) {
        StringBuilder s = new StringBuilder();
        s.append("APEX ").append(r.strategyVersion()).append(" on ").append(String.join(", ", r.symbols()))
                .append(": ").append(r.firstClose()).append(" → ").append(r.lastClose()).append('\n');
        s.append(String.format("candles %,d  signals %,d  positions opened %,d%n", r.candles(), r.signals(),
                r.entries()));
        figures(r.performance()).forEach((name, value) -> s.append(String.format("%-16s %s%n", name, value)));
        if (!r.refusals().isEmpty()) {
            s.append("signals that placed no order:\n");
            r.refusals().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> s.append(String.format("  %,7d  %s%n", e.getValue(), e.getKey())));
        }
        return s.toString();
    }

    /** The report's figures by their API names, in the API's order (the equity curve apart). */
    static Map<String, String> figures(PerformanceReport p) {
        Map<String, Object> all = Json.MAPPER.convertValue(p, Json.MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.equals("equityCurve")) out.put(k, v == null ? "–" : v.toString());
        });
        return out;
    }

    static String html(BacktestResult r) {
        StringBuilder h = new StringBuilder(64 * 1024 + r.trades().size() * 200);
        String title = "NIJA backtest — APEX " + r.strategyVersion() + " — " + String.join(", ", r.symbols());
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24}"
                        + "table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{text-align:left}td.l{text-align:left}.neg{color:#b42318}"
                        + ".pos{color:#067647}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1><p>").append(esc(String.valueOf(r.firstClose())))
                .append(" → ").append(esc(String.valueOf(r.lastClose()))).append(" · ")
                .append(String.format("%,d candles · %,d signals · %,d positions opened", r.candles(), r.signals(),
                        r.entries()))
                .append(" · paper fills: ").append(r.trader().paper().getSlippageBps().toPlainString())
                .append(" bps slippage, ").append(r.trader().paper().getFeeBps().toPlainString()).append(" bps fee</p>");
        h.append("<h2>Equity</h2>").append(chart(r.equity()));
        h.append("<h2>Performance</h2><table>");
        figures(r.performance()).forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>")
                .append(esc(v)).append("</td></tr>"));
        h.append("</table>");
        if (!r.refusals().isEmpty()) {
            h.append("<h2>Signals that placed no order</h2><table>");
            r.refusals().forEach((k, v) -> h.append("<tr><td>").append(v).append("</td><td class=\"l\">")
                    .append(esc(k)).append("</td></tr>"));
            h.append("</table>");
        }
        h.append("<h2>Trades (").append(r.trades().size()).append(" fills)</h2><table><tr><th>time</th><th>symbol</th>"
                + "<th>side</th><th>why</th><th>quantity</th><th>price</th><th>fee</th><th>P&amp;L</th></tr>");
        for (BacktestTrade t : r.trades()) {
            String pnl = t.realizedPnl() == null ? "" : money(t.realizedPnl());
            String cls = t.realizedPnl() == null ? "" : t.realizedPnl().signum() < 0 ? "neg" : "pos";
            h.append("<tr><td class=\"l\">").append(esc(t.at().toString())).append("</td><td class=\"l\">")
                    .append(esc(t.symbol())).append("</td><td class=\"l\">").append(esc(t.side()))
                    .append("</td><td class=\"l\">").append(esc(t.why())).append("</td><td>")
                    .append(t.quantity().toPlainString()).append("</td><td>").append(t.price().toPlainString())
                    .append("</td><td>").append(t.fee().toPlainString()).append("</td><td class=\"").append(cls)
                    .append("\">").append(pnl).append("</td></tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    /** The equity line as inline SVG, every n-th close so a year of closes stays a light page. */
    static String chart(List<EquityMark> marks) {
        int width = 1000;
        int height = 300;
        if (marks.isEmpty()) return "<p>No candle was played.</p>";
        int step = Math.max(1, marks.size() / CHART_POINTS);
        List<EquityMark> points = new ArrayList<>();
        for (int i = 0; i < marks.size(); i += step) points.add(marks.get(i));
        if (points.get(points.size() - 1) != marks.get(marks.size() - 1)) points.add(marks.get(marks.size() - 1));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (EquityMark m : points) {
            min = Math.min(min, m.equity().doubleValue());
            max = Math.max(max, m.equity().doubleValue());
        }
        if (max - min < 1e-9) {
            max += 1;
            min -= 1;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = points.size() == 1 ? 0 : (double) i / (points.size() - 1) * width;
            double y = height - (points.get(i).equity().doubleValue() - min) / (max - min) * height;
            line.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + (height + 40)
                + "\" viewBox=\"-70 -10 " + (width + 80) + " " + (height + 40) + "\" role=\"img\" aria-label=\"equity\">"
                + "<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\" points=\"" + line.toString().trim()
                + "\"/><text x=\"-65\" y=\"10\" font-size=\"12\">" + String.format("%,.2f", max) + "</text>"
                + "<text x=\"-65\" y=\"" + height + "\" font-size=\"12\">" + String.format("%,.2f", min) + "</text>"
                + "<text x=\"0\" y=\"" + (height + 20) + "\" font-size=\"12\">" + esc(marks.get(0).at().toString())
                + "</text><text x=\"" + width + "\" y=\"" + (height + 20) + "\" font-size=\"12\" text-anchor=\"end\">"
                + esc(marks.get(marks.size() - 1).at().toString()) + "</text></svg>";
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
