package com.nija.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.it.support.Api;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad query parameters are refused up front with a problem that names the parameter, never half-answered. */
@PlatformTest
@DisplayName("Bad query parameters")
class QueryValidationIT {
    private final ApiTarget target;
    private final Api api;

    QueryValidationIT(ApiTarget target) {
        this.target = target;
        this.api = new Api(target);
    }

    @ParameterizedTest(name = "{2}: GET {0} answers 400 naming ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/trades?limit=0              | limit  | a page of zero trades
            /api/v1/trades?limit=101            | limit  | a page over the 100 maximum
            /api/v1/trades?limit=x              | limit  | a page size that is not a number
            /api/v1/trades?limit=-5             | limit  | a negative page size
            /api/v1/positions?status=bogus      | status | a position status other than open or closed
            /api/v1/performance?period=2w       | period | a performance period that is not offered
            /api/v1/trades?fields=nope          | fields | a field that trades do not have
            /api/v1/trades?fields=tradeId,nope  | fields | one good and one unknown field
            /api/v1/trades?cursor=garbage       | cursor | a cursor the API never issued
            /api/v1/trades?symbol=BTC           | symbol | a symbol that names no market
            /api/v1/positions?status=closed&limit=101     | limit  | a page of closed positions over the maximum
            /api/v1/positions?status=closed&cursor=garbage | cursor | a closed-positions cursor the API never issued
            /api/v1/orders?status=pending       | status | an order status that does not exist
            """)
    @DisplayName("bad query parameter")
    void refused(String pathAndQuery, String parameter, String what) {
        var response = api.get(pathAndQuery, target.traderToken());

        JsonNode problem = response.problem(400);
        assertThat(problem.path("type").asText()).endsWith("/invalid-input");
        JsonNode errors = problem.path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as("errors in %s", problem).isTrue();
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).as("fields named in %s", problem).contains(parameter);
        errors.forEach(e -> assertThat(e.path("message").asText()).as("message of %s", e).isNotBlank());
        assertThat(problem.has("trades") || problem.has("positions")).as("no data in %s", problem).isFalse();
    }
}
