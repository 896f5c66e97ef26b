package com.nija.cdk.functions;

import com.nija.cdk.config.Names;
import com.nija.functions.routes.Schedule;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * The EventBridge Scheduler schedules of the route table's {@code SCHEDULES} that fire in this region, each invoking
 * its function's alias like every other trigger. EventBridge Scheduler rather than scheduled rules: AWS's service for
 * timed invocations, with a retry policy per schedule and cron in UTC with no flexible window.
 */
public final class Schedules extends Construct {
    /**
     * The payload: an EventBridge scheduled event ({@code ScheduledHandler}'s input), filled in per invocation by the
     * scheduler's context attributes, so a run's log lines carry its execution id.
     */
    static final Map<String, Object> EVENT = Map.of(
            "version", "0",
            "id", ContextAttribute.getExecutionId(),
            "detail-type", "Scheduled Event",
            "source", "aws.scheduler",
            "time", ContextAttribute.getScheduledTime(),
            "resources", List.of(ContextAttribute.getScheduleArn()),
            "detail", Map.of());

    /**
     * @param engineRole   this region's role runs the engine (primary, full)
     * @param engineRegion this region is the one currently acting as the engine
     */
    public Schedules(Construct scope, String id, Names names, List<NijaFunction> functions, boolean engineRole,
                     boolean engineRegion) {
        super(scope, id);
        for (NijaFunction fn : functions) {
            fn.spec().schedule().filter(s -> firesIn(s, engineRole, engineRegion)).ifPresent(s -> schedule(names, fn, s));
        }
    }

    /** Whether {@code schedule} fires in a region of this kind. */
    public static boolean firesIn(Schedule schedule, boolean engineRole, boolean engineRegion) {
        return switch (schedule.placement()) {
            case ENGINE_ROLE_REGIONS -> engineRole;
            case ENGINE_REGION -> engineRole && engineRegion;
        };
    }

    private void schedule(Names names, NijaFunction fn, Schedule s) {
        ScheduleTargetBaseProps.Builder target = ScheduleTargetBaseProps.builder()
                .input(ScheduleTargetInput.fromObject(EVENT));
        if (!s.retried()) {
            // The scheduler invokes Lambda asynchronously: its own retries cover delivery, Lambda's (two by default)
            // a run that failed. Both off.
            target.retryAttempts(0);
            fn.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(0).build());
        }
        software.amazon.awscdk.services.scheduler.Schedule.Builder.create(this, s.function())
                .scheduleName(names.of(s.function()))
                .description("NIJA " + s.function() + " (" + s.expression() + ", UTC)")
                .schedule(ScheduleExpression.expression(s.expression()))
                .target(new LambdaInvoke(fn.alias(), target.build()))
                .build();
    }
}
