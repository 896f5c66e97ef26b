package com.nija.shared.notifications;

import java.util.List;

/** A page of the delivery log, newest first; {@code nextCursor} is absent on the last page. */
public record DeliveriesPage(List<DeliveryView> items, String nextCursor) {}
