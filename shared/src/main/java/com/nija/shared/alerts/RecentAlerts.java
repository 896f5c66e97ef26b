package com.nija.shared.alerts;

import jakarta.inject.Singleton;
import java.util.List;

/** The alerts raised lately, newest first, as admins read them: the same list in AWS and on the local platform. */
@Singleton
public class RecentAlerts {
    /** What one read returns: a page of a dashboard, far more than a normal day raises. */
    public static final int LIMIT = 100;

    private final AlertStore store;

    public RecentAlerts(AlertStore store) {
        this.store = store;
    }

    public List<AlertView> newest() {
        return store.recent(LIMIT).stream().map(AlertView::of).toList();
    }
}
