package com.nija.shared.leaving;

/** What deleting an account does to one kind of item (docs/AUDIT.md lists the retention of each). */
public enum Erasure {
    /** Personal data with no duty to keep it: removed. */
    DELETE,
    /** A financial or audit record the platform must keep: kept under a one-way pseudonym, personal fields dropped. */
    PSEUDONYMISE,
    /** Not about any one trader (market data, platform settings): nothing to export or erase. */
    NOT_PERSONAL
}
