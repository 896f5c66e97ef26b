package com.nija.shared.audit;

import java.util.List;

/** One page of the audit trail, newest first; {@code nextCursor} null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {}
