package com.nija.shared.signals;

/** What a registered source sends: trading signals, or prices (the price feed). */
public enum SourceKind {
    SIGNALS,
    PRICES
}
