package com.nija.shared.venues;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live venues a trader can connect, with the credential fields each one issues, the flag that selects its
 * sandbox (none for Coinbase and Kraken), and its base URLs. {@link #wire()} is the name in routes and the instrument
 * list ({@code coinbase}, {@code kraken}, …).
 */
public enum Venue {
    COINBASE(List.of("keyName", "privateKey"), null,
            "https://api.coinbase.com", "https://api-sandbox.coinbase.com"),
    KRAKEN(List.of("apiKey", "apiSecret"), null, "https://api.kraken.com", "https://api.kraken.com"),
    /** OKX's demo trading is the production host with {@code x-simulated-trading: 1}. */
    OKX(List.of("apiKey", "apiSecret", "passphrase"), "demo", "https://www.okx.com", "https://www.okx.com"),
    BINANCE(List.of("apiKey", "apiSecret"), "testnet", "https://api.binance.com", "https://testnet.binance.vision"),
    ALPACA(List.of("keyId", "secretKey"), "paper", "https://api.alpaca.markets", "https://paper-api.alpaca.markets");

    private final List<String> secretFields;
    private final String sandboxFlag;
    private final String liveUrl;
    private final String sandboxUrl;

    Venue(List<String> secretFields, String sandboxFlag, String liveUrl, String sandboxUrl) {
        this.secretFields = secretFields;
        this.sandboxFlag = sandboxFlag;
        this.liveUrl = liveUrl;
        this.sandboxUrl = sandboxUrl;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The string fields a connection carries; the first names the key (shown as a hint), the rest are secret. */
    public List<String> credentialFields() {
        return secretFields;
    }

    /** The boolean field that selects the venue's sandbox ({@code demo}, {@code testnet}, {@code paper}), if any. */
    public Optional<String> sandboxFlag() {
        return Optional.ofNullable(sandboxFlag);
    }

    /**
     * The base URL to call: {@code NIJA_BROKER_<VENUE>_BASE_URL} (or {@code …_SANDBOX_BASE_URL} for a sandbox key)
     * from {@code env} when set, else the venue's documented production (or sandbox) URL.
     */
    public URI baseUrl(boolean sandbox, Map<String, String> env) {
        String variable = "NIJA_BROKER_" + name() + (sandbox ? "_SANDBOX" : "") + "_BASE_URL";
        String configured = env.get(variable);
        if (configured != null && !configured.isBlank()) return URI.create(stripSlash(configured.trim()));
        return URI.create(sandbox ? sandboxUrl : liveUrl);
    }

    /** The venue named {@code wire} ({@code coinbase}, any case). */
    public static Optional<Venue> parse(String wire) {
        if (wire == null) return Optional.empty();
        for (Venue v : values()) {
            if (v.wire().equals(wire.toLowerCase(Locale.ROOT))) return Optional.of(v);
        }
        return Optional.empty();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
