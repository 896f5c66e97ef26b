package com.nija.functions.admin;

import java.util.Set;
import java.util.EnumSet;
import com.nija.shared.audit.AuditAspect;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nija.functions.http.ApiHandler;
import com.nija.functions.http.EngineWrite;
import com.nija.functions.http.ApiRequest;
import com.nija.functions.http.Responses;
import com.nija.shared.data.ControlItem;
import com.nija.shared.engine.KillSwitch;
import com.nija.shared.problem.InvalidInputException;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * {@code POST /api/v1/admin/kill-switch} {@code {"engaged": true, "reason": "…"}} — admin group only (checked by the
 * authorizer and again here). Engaged, every engine stops placing new orders within a second; stop-loss,
 * take-profit and manual closes still run. 200 with the new state {@code {engaged, reason, changedBy, changedAt}};
 * 400 without {@code engaged} or a body that is not that JSON object; 422 a reason over 500 characters; 413 a body
 * over 256 KB; 403 not admin. Nothing changes unless 200.
 */
public class KillSwitchHandler extends ApiHandler implements EngineWrite {
    @Inject KillSwitch killSwitch;

    public KillSwitchHandler() {}

    public KillSwitchHandler(ApplicationContext context) {
        super(context);
    }

    record Body(Boolean engaged, String reason) {}

    /** The switch as an admin sees it (the stored item's table keys stay inside). */
    record State(boolean engaged, String reason, String changedBy, Instant changedAt) {
        static State of(ControlItem item) {
            return new State(Boolean.TRUE.equals(item.engaged()), item.reason(), item.changedBy(), item.changedAt());
        }
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.requireGroup("admin");
        Body body = request.body(Body.class);
        if (body.engaged() == null) throw InvalidInputException.of("engaged", "is required (true or false)");
        return Responses.ok(State.of(killSwitch.set(body.engaged(), body.reason(), request.userId())));
    }

    /** Priming must never flip the switch: without the admin group it is refused before the write. */
    @Override
    protected APIGatewayV2HTTPEvent primingEvent() {
        APIGatewayV2HTTPEvent event = super.primingEvent();
        event.setBody("{\"engaged\":false}");
        return event;
    }

    /** It changes only the kill switch. */
    @Override
    protected Set<AuditAspect> auditedAspects() {
        return EnumSet.of(AuditAspect.KILL_SWITCH);
    }
}
