package com.nija.shared.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Seeded random cases for properties that must hold over many inputs: the same cases on every run, and a failing
 * case names its own seed, so {@code RandomCases.replay(seed, property)} reruns exactly that case.
 */
public final class RandomCases {
    private final Random random;

    private RandomCases(Random random) {
        this.random = random;
    }

    /** Runs {@code property} on {@code cases} cases drawn from {@code seed}. */
    public static void check(long seed, int cases, Consumer<RandomCases> property) {
        Random seeds = new Random(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seeds.nextLong();
            try {
                replay(caseSeed, property);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + i + " of seed " + seed + " failed (replay with case seed "
                        + caseSeed + "L): " + e.getMessage(), e);
            }
        }
    }

    /** Runs one case again from the case seed a failure reported. */
    public static void replay(long caseSeed, Consumer<RandomCases> property) {
        property.accept(new RandomCases(new Random(caseSeed)));
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** An int in [min, max]. */
    public int intBetween(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A long in [min, max] (a span below {@code Long.MAX_VALUE}); the bounds come up now and then. */
    public long longBetween(long min, long max) {
        return switch (random.nextInt(20)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + Math.floorMod(random.nextLong(), max - min + 1);
        };
    }

    /**
     * A decimal with exactly {@code scale} fraction digits in [min, max]; the bounds themselves come up now and then,
     * as they are where rules break.
     */
    public BigDecimal decimal(String min, String max, int scale) {
        BigInteger lo = new BigDecimal(min).setScale(scale, RoundingMode.CEILING).unscaledValue();
        BigInteger hi = new BigDecimal(max).setScale(scale, RoundingMode.FLOOR).unscaledValue();
        BigInteger unscaled = switch (random.nextInt(20)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> {
                BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
                BigInteger r;
                do {
                    r = new BigInteger(span.bitLength(), random);
                } while (r.compareTo(span) >= 0);
                yield lo.add(r);
            }
        };
        return new BigDecimal(unscaled, scale);
    }

    /** Text of {@code minLength}–{@code maxLength} characters taken from {@code alphabet}. */
    public String string(String alphabet, int minLength, int maxLength) {
        int length = intBetween(minLength, maxLength);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    /** Any text up to {@code maxLength} UTF-16 units: ASCII mostly, with accents, CJK, emoji and lone surrogates. */
    public String anyString(int maxLength) {
        int length = intBetween(0, maxLength);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(switch (random.nextInt(10)) {
                case 0 -> (char) intBetween(0x00a0, 0x024f);
                case 1 -> (char) intBetween(0x4e00, 0x9fff);
                case 2 -> (char) intBetween(0xd800, 0xdfff); // lone surrogates: not valid text, still a Java String
                case 3 -> (char) intBetween(0, 0x1f);
                default -> (char) intBetween(0x20, 0x7e);
            });
        }
        return s.toString();
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A list of {@code minSize}–{@code maxSize} elements. */
    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int size = intBetween(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) list.add(element.get());
        return list;
    }
}
