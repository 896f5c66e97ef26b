package com.nija.shared.data;

import java.time.Instant;

/** Platform-wide switches, e.g. the global kill switch that stops every new order. */
public record ControlItem(String pk, String sk, Boolean engaged, String reason, String changedBy, Instant changedAt) {}
