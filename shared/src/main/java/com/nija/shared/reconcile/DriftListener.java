package com.nija.shared.reconcile;

/** Told about every drift reconciliation finds (the trader's live connections hear it); must never throw. */
public interface DriftListener {
    void positionDrift(String userId, PositionDrift drift);
}
