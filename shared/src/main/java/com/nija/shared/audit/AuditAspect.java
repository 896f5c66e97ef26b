package com.nija.shared.audit;

/**
 * One part of what a person's change can touch, each summarized from its own stored items: a route names the parts it
 * changes so the audit trail reads only those before and after it ({@link AuditSubjects}).
 */
public enum AuditAspect {
    /** The trader's profile: plan, subscription status, bot state. */
    PROFILE,
    /** Paper or live, and the live venue. */
    MODE,
    /** Risk and strategy settings. */
    SETTINGS,
    /** Broker connections (never a key or a hint of one). */
    BROKERS,
    /** Open positions. */
    POSITIONS,
    /** The platform's kill switch (the only aspect of the platform target). */
    KILL_SWITCH
}
