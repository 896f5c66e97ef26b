package com.nija.shared.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.json.Json;
import com.nija.shared.trading.Symbols;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one list of markets the platform trades, read from {@code instruments.json} on the class path (configuration,
 * not code). Signals and settings accept only these symbols; live venues read each market's venue symbol and rules
 * here. The local platform and tests may {@link #register} extra paper-only markets.
 */
@Singleton
public class Instruments {
    static final String RESOURCE = "/instruments.json";

    private final Map<String, Instrument> bySymbol = new ConcurrentHashMap<>();
    /** Venue names (XBTUSD, BTCUSDT, BTC/USD) to canonical symbols, upper-case. */
    private final Map<String, String> byVenueSymbol = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public Instruments() {
        this(load());
    }

    public Instruments(List<Instrument> instruments) {
        instruments.forEach(this::add);
    }

    /** The listed market {@code raw} names — canonically ({@code BTC-USD}, {@code btcusd}) or by a venue's name. */
    public Optional<Instrument> find(String raw) {
        if (raw == null) return Optional.empty();
        Optional<Instrument> listed = Symbols.normalize(raw).map(bySymbol::get);
        if (listed.isPresent()) return listed;
        return Optional.ofNullable(byVenueSymbol.get(raw.trim().toUpperCase(java.util.Locale.ROOT))).map(bySymbol::get);
    }

    /** The canonical symbol of the listed market {@code raw} names. */
    public Optional<String> symbol(String raw) {
        return find(raw).map(Instrument::symbol);
    }

    public List<Instrument> all() {
        return List.copyOf(bySymbol.values());
    }

    /**
     * Adds a paper-only market (the local platform's benchmark markets, tests' unique markets); idempotent.
     * @throws IllegalArgumentException when the symbol is not canonical
     */
    public Instrument register(String symbol) {
        String canonical = Symbols.normalize(symbol).filter(symbol::equals)
                .orElseThrow(() -> new IllegalArgumentException("not a canonical symbol: " + symbol));
        return bySymbol.computeIfAbsent(canonical, Instrument::paperOnly);
    }

    private void add(Instrument i) {
        if (!Symbols.normalize(i.symbol()).filter(i.symbol()::equals).isPresent()) {
            throw new IllegalStateException("instrument symbol must be canonical BASE-QUOTE: " + i.symbol());
        }
        bySymbol.put(i.symbol(), i);
        i.venues().values().forEach(m -> {
            byVenueSymbol.put(m.symbol().toUpperCase(java.util.Locale.ROOT), i.symbol());
            m.aliases().forEach(a -> byVenueSymbol.put(a.toUpperCase(java.util.Locale.ROOT), i.symbol()));
        });
    }

    private static List<Instrument> load() {
        try (InputStream in = Instruments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            JsonNode doc = Json.MAPPER.readTree(in);
            List<Instrument> out = new ArrayList<>();
            for (JsonNode n : doc.path("instruments")) out.add(Json.MAPPER.treeToValue(n, Instrument.class));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
