package com.nija.load;

import java.net.URI;
import java.time.Duration;

/**
 * The simulation's knobs, each a system property ({@code -Dnija.load.traders=200}) with the default documented here
 * and in the README. Everything is bounded: the run stops after {@code duration} (plus a ramp and a drain), and every
 * request goes to {@code baseUrl} and nowhere else.
 *
 * <ul>
 *   <li>{@code nija.load.baseUrl} — the platform under test (default {@code http://127.0.0.1:3000}, the local one)</li>
 *   <li>{@code nija.load.traders} — traders signed in and following the load source (200)</li>
 *   <li>{@code nija.load.duration} — seconds of steady traffic (120)</li>
 *   <li>{@code nija.load.readsPerTraderPerMinute} — dashboard/positions/trades/performance reads (2)</li>
 *   <li>{@code nija.load.settingsSaveShare} — share of a trader's requests that read and save settings (0.05)</li>
 *   <li>{@code nija.load.connectedShare} — share of traders holding a WebSocket open (0.5)</li>
 *   <li>{@code nija.load.signalEverySeconds} — one signal to every trader this often, buy and exit alternating (30: the
 *       per-trader throttle allows 3 orders a minute)</li>
 *   <li>{@code nija.load.priceBatchEverySeconds} — a signed batch of prices for the listed markets this often (2)</li>
 *   <li>{@code nija.load.webhooksPerMinute} — signed Stripe {@code invoice.paid} deliveries (6; needs the secret)</li>
 *   <li>{@code nija.load.adminToken} — a token in the {@code admin} group, to create the load's sources (required)</li>
 *   <li>{@code nija.load.stripeSecret} — the platform's Stripe webhook signing secret (webhooks are skipped without it)</li>
 * </ul>
 */
record LoadParameters(URI baseUrl, int traders, Duration duration, double readsPerTraderPerMinute,
                      double settingsSaveShare, double connectedShare, int signalEverySeconds,
                      int priceBatchEverySeconds, double webhooksPerMinute, String adminToken, String stripeSecret) {
    /** No run is longer than this, whatever is asked: the test is bounded in time and so in requests. */
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    static final int MAX_TRADERS = 20_000;

    static LoadParameters fromSystemProperties() {
        URI base = URI.create(System.getProperty("nija.load.baseUrl", "http://127.0.0.1:3000"));
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("nija.load.baseUrl must be http(s)://host[:port]");
        }
        LoadParameters p = new LoadParameters(base, Integer.getInteger("nija.load.traders", 200),
                Duration.ofSeconds(Long.getLong("nija.load.duration", 120)),
                dbl("nija.load.readsPerTraderPerMinute", 2), dbl("nija.load.settingsSaveShare", 0.05),
                dbl("nija.load.connectedShare", 0.5), Integer.getInteger("nija.load.signalEverySeconds", 30),
                Integer.getInteger("nija.load.priceBatchEverySeconds", 2), dbl("nija.load.webhooksPerMinute", 6),
                System.getProperty("nija.load.adminToken"), System.getProperty("nija.load.stripeSecret"));
        if (p.adminToken == null || p.adminToken.isBlank()) {
            throw new IllegalArgumentException("nija.load.adminToken is required (a token in the admin group: "
                    + "java -jar local/target/nija-local.jar token --user load-admin --groups admin)");
        }
        if (p.traders < 1 || p.traders > MAX_TRADERS) throw new IllegalArgumentException("traders must be 1.." + MAX_TRADERS);
        if (p.duration.isNegative() || p.duration.isZero() || p.duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be 1 s to " + MAX_DURATION.toMinutes() + " min");
        }
        if (p.signalEverySeconds < 1 || p.priceBatchEverySeconds < 1) {
            throw new IllegalArgumentException("signal and price intervals must be at least 1 s");
        }
        return p;
    }

    private static double dbl(String name, double defaultValue) {
        String v = System.getProperty(name);
        return v == null ? defaultValue : Double.parseDouble(v);
    }

    String wsUrl() {
        return baseUrl.toString().replaceFirst("^http", "ws") + "/ws";
    }

    int connectedTraders() {
        return (int) Math.round(traders * connectedShare);
    }
}
