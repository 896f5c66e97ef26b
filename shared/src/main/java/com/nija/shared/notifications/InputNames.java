package com.nija.shared.notifications;

/** Field names fit to quote back in a refusal: an unknown name could be anything the caller sent, even a secret. */
final class InputNames {
    private InputNames() {}

    static String safe(String name) {
        return name.length() <= 32 && name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? name
                : "(a field of " + name.length() + " characters)";
    }
}
