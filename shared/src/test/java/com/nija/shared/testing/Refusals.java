package com.nija.shared.testing;

import com.nija.shared.problem.DomainException;

/**
 * The invariant every fuzz target of outside input checks: a parser either accepts or refuses with one of the
 * declared problem types (a {@link DomainException}, which the HTTP layer maps to a 4xx problem+json). Anything else
 * — a NumberFormatException, a DateTimeException, a NullPointerException — would reach a client as a 500.
 */
public final class Refusals {
    private Refusals() {}

    /** Runs {@code parse}; a refusal is swallowed, any other exception fails the target. */
    public static <T> T acceptedOrRefused(ThrowingSupplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException refused) {
            return null;
        } catch (Exception e) {
            throw new AssertionError("outside input must be accepted or refused with a problem type, not "
                    + e.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
