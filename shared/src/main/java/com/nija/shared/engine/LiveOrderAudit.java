package com.nija.shared.engine;

import com.nija.shared.data.OrderItem;
import com.nija.shared.observability.Metric;
import com.nija.shared.observability.Telemetry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The audit trail of live orders: one structured log line per step a live order takes at its venue (trader, venue,
 * client order id, venue order id, request id, outcome), beside the same fields on the order item itself. Only ids and
 * the outcome: never a key, a secret or a signature. The fields go out as the line's context (JSON fields in
 * Powertools' layout) and in its text, so either reader finds them.
 */
final class LiveOrderAudit {
    private static final Logger LOG = LoggerFactory.getLogger(LiveOrderAudit.class);

    private LiveOrderAudit() {}

    /** {@code outcome}: the order's status after the step, or what is known when it has none yet (UNKNOWN, NOT_PLACED). */
    static void record(OrderItem order, String outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("audit_trader", order.userId());
        fields.put("audit_venue", order.venue());
        fields.put("audit_order_id", order.orderId());
        fields.put("audit_client_order_id", order.clientOrderId());
        fields.put("audit_venue_order_id", order.venueOrderId());
        fields.put("audit_request_id", order.signalId());
        fields.put("audit_outcome", outcome);
        Map<String, String> before = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            before.put(k, MDC.get(k));
            if (v != null) MDC.put(k, v);
        });
        try {
            LOG.info("live order audit: trader={} venue={} clientOrderId={} venueOrderId={} requestId={} outcome={}{}",
                    order.userId(), order.venue(), order.clientOrderId(), order.venueOrderId(), order.signalId(),
                    outcome, order.reason() == null ? "" : " reason=" + order.reason());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) MDC.remove(k);
                else MDC.put(k, v);
            });
        }
        Telemetry.record(Metric.count("LiveOrder", "outcome", outcome));
    }
}
