package com.nija.functions.http;

import com.nija.shared.problem.InvalidInputException;

/** Entity tags for versioned resources: the item's version number, quoted. */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} value names ({@code "3"} or {@code W/"3"}). */
    public static long version(String ifMatch) {
        String v = ifMatch.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        try {
            long version = Long.parseLong(v);
            if (version >= 0) return version;
        } catch (NumberFormatException ignored) {
            // same refusal below
        }
        throw InvalidInputException.of("If-Match", "must be the ETag from GET, e.g. \"3\"");
    }

    /**
     * The version a replacing write expects: {@code If-Match} (the ETag of {@code readRoute}), else the body's
     * {@code version}; neither is a 428.
     */
    public static long expected(ApiRequest request, Long bodyVersion, String readRoute) {
        return request.header("if-match").map(ETags::version)
                .or(() -> java.util.Optional.ofNullable(bodyVersion))
                .orElseThrow(() -> new PreconditionRequiredException(
                        "send If-Match with the ETag from " + readRoute + " (or the version field)"));
    }
}
