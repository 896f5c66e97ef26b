package com.nija.cdk.config;

/**
 * Physical names. Prod keeps the names the code defaults to ({@code nija-trading}, {@code nija-orders.fifo}); other
 * stages add their name so dev and prod can share an account.
 */
public final class Names {
    private final Stage stage;

    public Names(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /** {@code nija-orders.fifo} → {@code nija-orders-dev.fifo} outside prod. */
    public String physical(String defaultName) {
        if (stage.isProd()) return defaultName;
        if (defaultName.endsWith(".fifo")) {
            return defaultName.substring(0, defaultName.length() - 5) + "-" + stage.label() + ".fifo";
        }
        return defaultName + "-" + stage.label();
    }

    /** Lambda function name: {@code nija-prod-get-positions}. */
    public String function(String function) {
        String name = "nija-" + stage.label() + "-" + function;
        if (name.length() > 64) throw new IllegalArgumentException("function name too long: " + name);
        return name;
    }

    /** Anything else that needs a readable, stage-scoped name: {@code nija-prod-<what>}. */
    public String of(String what) {
        return "nija-" + stage.label() + "-" + what;
    }
}
