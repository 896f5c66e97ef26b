package com.nija.shared.venues;

import java.util.List;

/**
 * What {@code POST /api/v1/brokers/{venue}/test} found about a key, from an authenticated read-only call:
 * {@code permissions} as the venue names them (e.g. {@code trade}, {@code withdraw}); {@code problems} says what is
 * wrong, each prefixed {@code error:} (the key cannot trade, is invalid, …) or {@code warning:} (it can withdraw).
 * {@code ok} = no errors.
 */
public record KeyCheck(boolean ok, List<String> permissions, List<String> problems) {

    public KeyCheck {
        permissions = List.copyOf(permissions);
        problems = List.copyOf(problems);
    }

    public static KeyCheck of(List<String> permissions, List<String> errors, List<String> warnings) {
        List<String> problems = new java.util.ArrayList<>();
        errors.forEach(e -> problems.add("error: " + e));
        warnings.forEach(w -> problems.add("warning: " + w));
        return new KeyCheck(errors.isEmpty(), permissions, problems);
    }
}
