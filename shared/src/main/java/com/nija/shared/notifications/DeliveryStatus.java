package com.nija.shared.notifications;

/**
 * Where one delivery stands: {@code PENDING} until its first attempt, {@code RETRYING} after a failed one with
 * attempts left, then {@code DELIVERED}, {@code FAILED} (attempts spent) or {@code SKIPPED} (the channel was removed
 * or disabled before it could go).
 */
public enum DeliveryStatus {
    PENDING, RETRYING, DELIVERED, FAILED, SKIPPED;

    public boolean finished() {
        return this == DELIVERED || this == FAILED || this == SKIPPED;
    }
}
