package com.nija.shared.billing;

import java.util.List;

/** A page of subscribers, oldest first within each status; {@code nextCursor} null on the last page. */
public record SubscribersPage(List<SubscriberView> subscribers, String nextCursor) {}
