package com.nija.shared.input;

import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bounds on everything the API takes from outside: ids have a kind with a length and a character set, free text
 * has a length. A value past them is refused before it reaches a table or a log (a DynamoDB key over 1 KB or an item
 * over 400 KB would otherwise fail as a 500). The README's "Limits" section lists the same numbers.
 */
public final class InputLimits {
    /**
     * Largest JSON body a route reads through the API's body reader: well above the largest legitimate body (a full
     * price batch), far below the gateway's 10 MB and DynamoDB's 400 KB item.
     */
    public static final int MAX_JSON_BODY_BYTES = 256 * 1024;
    /** Free text a person writes (a kill-switch reason). */
    public static final int MAX_TEXT_CHARS = 500;

    private InputLimits() {}

    /** The kinds of id the API takes, each with its length and characters, described in product words. */
    public enum Id {
        /** Ids the platform or a signal sender names things with: positions, orders, signals, strategies. */
        KEY(100, "[A-Za-z0-9:._-]+", "1–100 letters, digits or : . _ -"),
        /** Registered signal and price sources. */
        SOURCE(40, "[a-z0-9][a-z0-9-]+", "2–40 lower-case letters, digits or dashes, starting with a letter or digit"),
        /** Pagination cursors the API issued (base64url parts joined by a dot). */
        CURSOR(512, "[A-Za-z0-9_.-]+", "a cursor this listing issued"),
        /** A trader's id as the identity provider names them (a Cognito sub is a UUID). */
        USER(128, "[A-Za-z0-9:._@|+-]+", "1–128 letters, digits or : . _ @ | + -");

        private final int maxLength;
        private final Pattern pattern;
        private final String rule;

        Id(int maxLength, String pattern, String rule) {
            this.maxLength = maxLength;
            this.pattern = Pattern.compile(pattern);
            this.rule = rule;
        }

        public int maxLength() {
            return maxLength;
        }

        /** The rule in words, for a refusal. */
        public String rule() {
            return rule;
        }

        /** True when {@code value} is an id of this kind. The length is checked first, so a huge value costs nothing. */
        public boolean accepts(String value) {
            return value != null && !value.isEmpty() && value.length() <= maxLength && pattern.matcher(value).matches();
        }
    }

    /** The violation of an id that is not of its kind (a missing one included), or empty. */
    public static Optional<Violation> checkId(Id kind, String field, String value) {
        if (value == null || value.isBlank()) return Optional.of(new Violation(field, "is required"));
        return kind.accepts(value) ? Optional.empty() : Optional.of(new Violation(field, "must be " + kind.rule()));
    }

    /** The violation of free text longer than {@link #MAX_TEXT_CHARS}, or empty; absent text is fine. */
    public static Optional<Violation> checkText(String field, String value) {
        return value == null || value.length() <= MAX_TEXT_CHARS ? Optional.empty()
                : Optional.of(new Violation(field, "must be at most " + MAX_TEXT_CHARS + " characters"));
    }

    /** {@code value} when it is an id of {@code kind}; a malformed request (400) naming the field otherwise. */
    public static String requireId(Id kind, String field, String value) {
        checkId(kind, field, value).ifPresent(InputLimits::refuse);
        return value;
    }

    /** {@code value} (maybe null) when within {@link #MAX_TEXT_CHARS}; a refusal (422) naming the field otherwise. */
    public static String requireText(String field, String value) {
        checkText(field, value).ifPresent(v -> {
            throw new InvalidInputException(List.of(v), true);
        });
        return value;
    }

    /**
     * A value the client sent, fit to quote back in a refusal: itself in quotes when short and printable, else only
     * its length (a refusal must not mirror kilobytes of whatever arrived).
     */
    public static String echo(String value) {
        if (value == null) return "nothing";
        if (value.length() <= 40 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return "'" + value + "'";
        return "a value of " + value.length() + " characters";
    }

    private static void refuse(Violation violation) {
        throw new InvalidInputException(List.of(violation));
    }
}
