package com.nija.shared.audit;

import com.nija.shared.data.AuditItem;
import com.nija.shared.input.InputLimits;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.trading.CursorCodec;
import com.nija.shared.trading.PagePosition;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail, newest first, in pages with signed cursors bound to the reader and the query: one target's
 * records (a trader reading their own, an admin reading a trader's), or every target's month by month (admins only,
 * over at most {@link #MAX_ALL_TARGETS_SPAN}).
 */
@Singleton
public class AuditTrail {
    public static final int MAX_LIMIT = 100;
    /** Without a trader the listing walks months; a year at most keeps one request's reads bounded. */
    public static final Duration MAX_ALL_TARGETS_SPAN = Duration.ofDays(366);

    private final AuditRepository records;
    private final CursorCodec cursors;
    private final Clock clock;

    public AuditTrail(AuditRepository records, CursorCodec cursors, Clock clock) {
        this.records = records;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * @param target a trader id (or {@link AuditLog#PLATFORM}), or null for every target
     * @param from   ISO-8601 instant, or null: the beginning (with a target) or 30 days before {@code to}
     * @param to     ISO-8601 instant, or null: now
     */
    public AuditPage page(String readerId, String target, String from, String to, int limit, String cursor) {
        if (target != null) InputLimits.requireId(InputLimits.Id.USER, "trader", target);
        // The cursor is bound to the query as sent; "now" (no to) is fixed by the first page and carried in it.
        String scope = "audit:" + (target == null ? "*" : target) + ":" + from + ":" + to;
        PagePosition at = cursor == null ? PagePosition.START
                : PagePosition.read(cursors.decode(readerId, scope, cursor));
        Instant end = to != null ? instant("to", to) : at.anchor() != null ? at.anchor() : clock.instant();
        Instant start = from != null ? instant("from", from)
                : target != null ? Instant.EPOCH : end.minus(Duration.ofDays(30));
        if (start.isAfter(end)) throw InvalidInputException.of("from", "must not be after to");
        if (target == null && Duration.between(start, end).compareTo(MAX_ALL_TARGETS_SPAN) > 0) {
            throw InvalidInputException.of("from", "may be at most 366 days before to without a trader");
        }
        // With a target one partition (index 0); without, months newest first.
        List<YearMonth> months = target != null ? List.of() : monthsNewestFirst(start, end);
        int partitions = target == null ? months.size() : 1;
        List<AuditEntry> out = new ArrayList<>();
        int index = at.index();
        Map<String, String> after = at.lastKey();
        while (index < partitions && out.size() < limit) {
            PagePosition.Slice<AuditItem> slice = target != null
                    ? records.ofTarget(target, start, end, after, limit - out.size())
                    : records.ofMonth(months.get(index), start, end, after, limit - out.size());
            slice.items().forEach(i -> out.add(view(i)));
            after = slice.lastKey();
            if (after == null) index++;
        }
        String next = index < partitions
                ? cursors.encode(readerId, scope, new PagePosition(index, after, end).write()) : null;
        return new AuditPage(out, next);
    }

    private static List<YearMonth> monthsNewestFirst(Instant start, Instant end) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth first = AuditRepository.monthOf(start);
        for (YearMonth m = AuditRepository.monthOf(end); !m.isBefore(first); m = m.minusMonths(1)) months.add(m);
        return months;
    }

    static AuditEntry view(AuditItem i) {
        return new AuditEntry(i.auditId(), i.at(), i.actor(), i.groups(), i.requestId(), i.sourceIp(), i.target(),
                i.action(), i.reason(), i.before(), i.after());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be an ISO-8601 instant such as 2031-06-16T12:00:00Z");
        }
    }
}
