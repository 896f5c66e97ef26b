package com.nija.cdk.functions;

import com.nija.functions.routes.Schedule;
import java.util.List;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * EventBridge Scheduler schedules of {@code RouteTable.SCHEDULES}, each invoking its function's alias. Only the
 * engine region creates them (the caller decides), so a scan never runs in two regions for the same candle.
 */
public final class Schedules extends Construct {
    public Schedules(Construct scope, String id, List<Schedule> schedules, List<NijaFunction> functions) {
        super(scope, id);
        for (Schedule s : schedules) {
            NijaFunction fn = functions.stream().filter(f -> f.name().equals(s.function())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("schedule " + s.function() + " has no function"));
            // No retries: a late re-run of a scan decides on a candle that is no longer the newest; the next run
            // comes within five minutes anyway.
            software.amazon.awscdk.services.scheduler.Schedule.Builder.create(this, s.function())
                    .description("NIJA " + s.function() + " (" + s.expression() + ", UTC)")
                    .schedule(ScheduleExpression.expression(s.expression()))
                    .target(new LambdaInvoke(fn.alias(), ScheduleTargetBaseProps.builder()
                            .input(ScheduleTargetInput.fromText(s.input())).retryAttempts(0).build()))
                    .build();
        }
    }
}
