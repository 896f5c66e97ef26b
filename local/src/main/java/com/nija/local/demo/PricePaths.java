package com.nija.local.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hourly prices per symbol along a seeded geometric random walk (about 3% daily volatility, slight drift). */
final class PricePaths {
    private final Map<String, double[]> hourly;

    private PricePaths(Map<String, double[]> hourly) {
        this.hourly = hourly;
    }

    static PricePaths generate(Random random, List<String> symbols, Map<String, Double> start, Instant from, int hours) {
        Map<String, double[]> paths = new HashMap<>();
        double hourlyVol = 0.03 / Math.sqrt(24);
        for (String symbol : symbols) {
            double[] p = new double[hours + 1];
            p[0] = start.get(symbol);
            for (int h = 1; h <= hours; h++) {
                p[h] = p[h - 1] * Math.exp(0.00002 + hourlyVol * random.nextGaussian());
            }
            paths.put(symbol, p);
        }
        return new PricePaths(paths);
    }

    /** Price at an hour, to 6 significant digits as an exchange would quote it. */
    BigDecimal price(String symbol, int hour) {
        double[] p = hourly.get(symbol);
        BigDecimal price = new BigDecimal(p[Math.min(hour, p.length - 1)], new MathContext(6));
        return price.scale() < 0 ? price.setScale(0) : price; // never 1.2E+5 in stored or shown prices
    }

    BigDecimal latest(String symbol) {
        return price(symbol, Integer.MAX_VALUE);
    }
}
