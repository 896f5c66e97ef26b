package com.nija.shared.signup;

import java.util.regex.Pattern;

/**
 * A source IP address fit to record: IPv4 or IPv6 text (at most 45 characters, hex digits, dots and colons). Anything
 * else — a value a client made up in sign-up metadata, say — is recorded as unknown rather than stored as given.
 */
public final class SourceAddress {
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private SourceAddress() {}

    /** {@code raw} when it reads as an IP address, else null. */
    public static String orNull(String raw) {
        return raw != null && IP.matcher(raw).matches() && (raw.contains(".") || raw.contains(":")) ? raw : null;
    }
}
