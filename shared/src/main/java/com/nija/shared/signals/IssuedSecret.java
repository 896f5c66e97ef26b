package com.nija.shared.signals;

/**
 * A source with the secret just made for it: the one time the secret is shown (at creation and at each rotation).
 * It is stored sealed and never returned again.
 */
public record IssuedSecret(SourceView source, String secret) {
    @Override
    public String toString() {
        return "IssuedSecret[" + source.id() + ", secret hidden]";
    }
}
