package com.nija.functions.engine;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Problems;
import com.nija.functions.http.Responses;
import com.nija.shared.data.OrderItem;
import com.nija.shared.engine.ManualClose;
import com.nija.shared.order.OrderStatus;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code POST /api/v1/trading/close-position} {@code {"positionId": "…"}} — closes the caller's position at market.
 * 200 with the filled order; 400 no positionId or not a position id (1–100 letters, digits or :._-); 413 a body over
 * 256 KB; 404 not the caller's position; 409 already closed or closing
 * (two concurrent clicks close once); 502 when the broker failed (nothing closed); 202 with the order (status
 * {@code SUBMITTED} or {@code RESTING}) when a live venue took the close but has not confirmed its fill yet.
 */
public class ClosePositionHandler extends ApiHandler implements EngineWrite {
    @Inject ManualClose closer;

    public ClosePositionHandler() {}

    public ClosePositionHandler(ApplicationContext context) {
        super(context);
    }

    record Body(String positionId) {}

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        OrderItem order = closer.close(request.userId(), request.body(Body.class).positionId());
        if (order.status() == OrderStatus.FAILED) {
            return Problems.of(502, "broker-failure", "The broker did not close the position", order.reason(),
                    request.event().getRawPath(), Map.of("orderId", order.orderId()));
        }
        if (order.status() == OrderStatus.SUBMITTED || order.status() == OrderStatus.RESTING) {
            return Responses.json(202, OrderViews.of(order), Map.of());
        }
        return Responses.ok(OrderViews.of(order));
    }

    /** It changes which positions are open. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.POSITIONS);
    }
}
