package com.nija.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CloudFormation's 500 resources per template: every template of every stage and region stays within a "
        + "budget with room to grow")
class TemplateBudgetTest {
    /** 80 % of CloudFormation's 500: what is left is the margin for a merge that adds functions to a full group. */
    static final int BUDGET = 400;

    /**
     * CloudFormation allows 200 parameters and 200 outputs per template: nested stacks receive each value they
     * reference from the parent as a parameter and hand back each value the parent uses as an output.
     */
    static final int PARAMETER_AND_OUTPUT_BUDGET = 160;

    /** Prints every template's resource, parameter and output counts and returns those over budget. */
    static List<String> overBudget(String stage, Synth.Result r) {
        List<String> over = new ArrayList<>();
        for (RegionalStack s : r.stacks) {
            for (StackTemplates.One t : r.templates(s).all()) {
                int parameters = t.section("Parameters").size();
                int outputs = t.section("Outputs").size();
                System.out.printf("template %-5s %-50s resources %4d parameters %3d outputs %3d%n", stage, t.path(),
                        t.resourceCount(), parameters, outputs);
                if (t.resourceCount() > BUDGET) over.add(t.path() + ": " + t.resourceCount() + " resources");
                if (parameters > PARAMETER_AND_OUTPUT_BUDGET) over.add(t.path() + ": " + parameters + " parameters");
                if (outputs > PARAMETER_AND_OUTPUT_BUDGET) over.add(t.path() + ": " + outputs + " outputs");
            }
        }
        return over;
    }

    @Test
    @DisplayName("no template of prod or dev, in any region, holds more than 400 resources, 160 parameters or outputs")
    void everyTemplateWithinBudget() {
        List<String> over = new ArrayList<>(overBudget("prod", Synth.prod()));
        over.addAll(overBudget("dev", Synth.dev()));
        assertThat(over).as("templates over " + BUDGET + " resources").isEmpty();
    }

    @Test
    @DisplayName("a full nested function stack fits the budget, so new routes only ever add nested stacks")
    void aFullFunctionStackFitsTheBudget() {
        Synth.Result prod = Synth.prod();
        RegionalStack primary = prod.stack("us-east-1");
        for (StackTemplates.One t : prod.templates(primary).all()) {
            long functions = t.resources().values().stream()
                    .filter(r -> "AWS::Lambda::Function".equals(Synth.at(r, "Type"))).count();
            if (functions == 0 || t.path().equals(primary.getStackName())) continue;
            double perFunction = (double) t.resourceCount() / functions;
            assertThat(perFunction * com.nija.cdk.functions.FunctionStacks.MAX_FUNCTIONS)
                    .as(t.path() + ": " + perFunction + " resources per function").isLessThanOrEqualTo(BUDGET);
        }
    }

    @Test
    @DisplayName("the region's own template holds no function and no HTTP route: new routes add only nested stacks "
            + "and outputs to it")
    void regionTemplateHoldsNoRouteFunction() {
        Synth.Result prod = Synth.prod();
        RegionalStack primary = prod.stack("us-east-1");
        StackTemplates.One own = prod.templates(primary).all().get(0);
        String httpApi = primary.getLogicalId((software.amazon.awscdk.CfnElement) primary.api().api().getNode()
                .getDefaultChild());
        own.resources().forEach((id, r) -> {
            assertThat((String) Synth.at(r, "Type")).as(id).isNotIn("AWS::Lambda::Alias", "AWS::Lambda::Version");
            if ("AWS::ApiGatewayV2::Route".equals(Synth.at(r, "Type"))) {
                assertThat((String) Synth.at(r, "Properties", "ApiId", "Ref")).as(id).isNotEqualTo(httpApi);
            }
        });
        assertThat(prod.http(primary, "AWS::ApiGatewayV2::Route")).as("routes in the nested stacks").isNotEmpty();
    }

    @Test
    @DisplayName("prod's primary templates stay at 60 % of 500 or less today")
    void primaryLeavesRoomToday() {
        Synth.Result prod = Synth.prod();
        prod.templates(prod.stack("us-east-1")).all().forEach(t ->
                assertThat(t.resourceCount()).as(t.path()).isLessThanOrEqualTo(300));
    }
}
