package com.nija.shared.config;

import io.micronaut.core.order.Ordered;

/**
 * The orders ({@code OrderedResource#getOrder}) of the SnapStart (CRaC) resources. micronaut-crac registers resources
 * in ascending order, and CRaC runs {@code beforeCheckpoint} in the reverse of registration (highest order first) and
 * {@code afterRestore} in registration order (lowest first). So priming, the highest, runs first before the checkpoint
 * while every connection is still open, and connections, the lowest, close last and reopen first.
 */
public final class CheckpointOrder {
    /** Network connections (Redis): closed after everything else, reopened before anything else. */
    public static final int CONNECTIONS = 0;
    /** Secrets read so far: forgotten after priming, so none is in the snapshot. */
    public static final int SECRETS = 100;
    /** Random generators: reseeded after restore, so restored copies do not share one sequence. */
    public static final int RANDOMNESS = 200;
    /** Priming: runs every handler's read-only hot path, before anything closes. */
    public static final int PRIMING = Ordered.LOWEST_PRECEDENCE;

    private CheckpointOrder() {}
}
