package com.nija.functions.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.nija.functions.routes.Route;
import com.nija.functions.routes.RouteTable;
import com.nija.functions.support.LocalBackends;
import com.nija.functions.support.TraderFixture;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs every handler's hot path before the checkpoint, and must never write. */
class PrimingTest {
    private final ApplicationContext context = LocalBackends.get().context();

    @Test
    @DisplayName("priming answers 200 for every GET route and 422 for put-settings, no primer fails, and nothing is written")
    void primesEveryRouteWithoutWriting() throws ReflectiveOperationException {
        Map<String, Integer> expectedGets = new LinkedHashMap<>();
        for (Route route : RouteTable.ROUTES) {
            route.handler().getConstructor(ApplicationContext.class).newInstance(context);
            if (route.method().equals("GET")) expectedGets.put(route.handler().getSimpleName().replace("Handler", ""), 200);
        }

        int itemsBefore = TraderFixture.storedItemCount();

        Map<String, Integer> statuses = context.getBean(Priming.class).prime();

        assertThat(statuses).containsAllEntriesOf(expectedGets);
        assertThat(statuses).containsEntry("PutSettings", 422); // validation ran, the write did not
        assertThat(statuses.values()).as("no primer threw or hit a 5xx: %s", statuses)
                .allSatisfy(status -> assertThat(status).isBetween(200, 499));
        assertThat(TraderFixture.storedItemCount(Priming.USER)).as("items stored for " + Priming.USER).isZero();
        assertThat(TraderFixture.storedItemCount()).as("items in the whole table").isEqualTo(itemsBefore);
    }
}
