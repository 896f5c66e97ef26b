package com.nija.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.cdk.config.AppConfig;
import com.nija.cdk.config.Names;
import com.nija.cdk.config.RegionRole;
import com.nija.cdk.config.Stage;
import com.nija.cdk.functions.FunctionCatalog;
import com.nija.cdk.functions.FunctionProfile.SecretKind;
import com.nija.cdk.functions.FunctionProfile.TableAccess;
import com.nija.cdk.functions.FunctionProfiles;
import com.nija.cdk.functions.FunctionSpec;
import com.nija.functions.routes.RouteTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Context and catalog: what ops type and what the route table says become the app's settings")
class ConfigTest {

    static AppConfig config(Map<String, Object> context) {
        return AppConfig.from(context::get);
    }

    @Test
    @DisplayName("with no context: dev, the blueprint's three regions, local dashboard origin, alarms off, no DNS")
    void defaults() {
        AppConfig c = config(Map.of());
        assertThat(c.stage()).isEqualTo(Stage.DEV);
        assertThat(c.regions()).containsExactly(new AppConfig.RegionSpec("us-east-1", RegionRole.PRIMARY),
                new AppConfig.RegionSpec("us-west-2", RegionRole.FULL),
                new AppConfig.RegionSpec("eu-west-1", RegionRole.API));
        assertThat(c.dashboardOrigins()).containsExactly(AppConfig.DEV_DASHBOARD_ORIGIN);
        assertThat(c.alarms()).isFalse();
        assertThat(c.dns()).isEmpty();
    }

    @Test
    @DisplayName("regions parse from a string, a JSON object or a list; exactly one primary")
    void regions() {
        assertThat(config(Map.of("regions", "eu-central-1=primary, ap-southeast-1:api")).regions())
                .extracting(AppConfig.RegionSpec::region).containsExactly("eu-central-1", "ap-southeast-1");
        assertThat(config(Map.of("regions", Map.of("us-east-1", "primary"))).primary().region()).isEqualTo("us-east-1");
        assertThat(config(Map.of("regions", List.of("us-east-2:primary", "us-west-1:full"))).regions()).hasSize(2);
        assertThatThrownBy(() -> config(Map.of("regions", "us-east-1:primary,us-west-2:primary")))
                .hasMessageContaining("exactly one region must be primary");
        assertThatThrownBy(() -> config(Map.of("regions", "us-east-1:primary,mars-1:api")))
                .hasMessageContaining("not region:role");
        assertThatThrownBy(() -> config(Map.of("regions", "us-east-1:boss"))).hasMessageContaining("unknown region role");
    }

    @Test
    @DisplayName("prod needs the dashboard origin; alarms default on and can be turned off")
    void prod() {
        assertThatThrownBy(() -> config(Map.of("stage", "prod"))).hasMessageContaining("dashboardOrigins");
        Map<String, Object> ctx = new HashMap<>(Map.of("stage", "prod", "dashboardOrigins", "https://a.example,https://b.example"));
        assertThat(config(ctx).alarms()).isTrue();
        assertThat(config(ctx).dashboardOrigins()).containsExactly("https://a.example", "https://b.example");
        ctx.put("alarms", "false");
        assertThat(config(ctx).alarms()).isFalse();
        assertThatThrownBy(() -> config(Map.of("dashboardOrigins", "app.example.com")))
                .hasMessageContaining("scheme://host");
    }

    @Test
    @DisplayName("DNS needs a domain and a zone id together; the zone name defaults to the domain's parent")
    void dns() {
        assertThatThrownBy(() -> config(Map.of("domainName", "api.nija.example"))).hasMessageContaining("both");
        var dns = config(Map.of("domainName", "api.nija.example", "hostedZoneId", "Z1")).dns().orElseThrow();
        assertThat(dns.hostedZoneName()).isEqualTo("nija.example");
        assertThatThrownBy(() -> config(Map.of("domainName", "api.other.example", "hostedZoneId", "Z1",
                "hostedZoneName", "nija.example"))).hasMessageContaining("not inside zone");
    }

    @Test
    @DisplayName("names: prod keeps the code's defaults, other stages add their name (FIFO suffix kept last)")
    void names() {
        assertThat(new Names(Stage.PROD).physical("nija-orders.fifo")).isEqualTo("nija-orders.fifo");
        assertThat(new Names(Stage.DEV).physical("nija-orders.fifo")).isEqualTo("nija-orders-dev.fifo");
        assertThat(new Names(Stage.DEV).physical("nija-trading")).isEqualTo("nija-trading-dev");
    }

    @Test
    @DisplayName("the catalog has one function per route function and per worker, and a new route needs no change")
    void catalog() {
        List<FunctionSpec> all = FunctionCatalog.all();
        assertThat(all).extracting(FunctionSpec::function).containsAll(
                RouteTable.ROUTES.stream().map(r -> r.function()).toList());
        assertThat(all).extracting(FunctionSpec::function).containsAll(
                RouteTable.WORKERS.stream().map(w -> w.function()).toList());
        FunctionSpec unknownGet = new FunctionSpec("get-something-new", "x.Y",
                List.of(new com.nija.functions.routes.Route("GET", "/api/v1/new", Object.class,
                        com.nija.functions.routes.Access.TRADER, "get-something-new")), java.util.Optional.empty());
        var p = FunctionProfiles.forSpec(unknownGet);
        assertThat(p.table()).isEqualTo(TableAccess.READ);
        assertThat(p.secrets()).isEmpty();
        assertThat(p.sendsTo()).isEmpty();
        assertThat(p.reservedConcurrency()).isEmpty();
        FunctionSpec unknownPost = new FunctionSpec("post-new", "x.Z",
                List.of(new com.nija.functions.routes.Route("POST", "/api/v1/admin/new", Object.class,
                        com.nija.functions.routes.Access.ADMIN, "post-new")), java.util.Optional.empty());
        assertThat(FunctionProfiles.forSpec(unknownPost).table()).isEqualTo(TableAccess.READ_WRITE);
        assertThat(FunctionProfiles.forSpec(unknownPost).reservedConcurrency()).contains(5);
    }

    @Test
    @DisplayName("cdk.json's context (what cdk synth and the hand run both use) is a valid dev configuration")
    void cdkJson() {
        Map<String, Object> context = NijaApp.cdkJsonContext(java.nio.file.Path.of("cdk.json"));
        assertThat(context).containsEntry("stage", "dev").containsKey("regions");
        assertThat(context.keySet().stream().filter(k -> !k.startsWith("@aws-cdk/")))
                .allMatch(AppConfig.KEYS::contains);
        AppConfig c = config(context);
        assertThat(c.regions()).isEqualTo(config(Map.of()).regions());
    }

    @Test
    @DisplayName("a missing or stale function jar stops the synth with a message saying what to build")
    void jarChecks() {
        String old = System.getProperty(FunctionJar.PROPERTY);
        try {
            System.setProperty(FunctionJar.PROPERTY, "/nonexistent/nija.jar");
            assertThatThrownBy(FunctionJar::locate).hasMessageContaining("mvn -pl shared,functions install");
        } finally {
            if (old == null) System.clearProperty(FunctionJar.PROPERTY); else System.setProperty(FunctionJar.PROPERTY, old);
        }
        assertThatThrownBy(() -> FunctionJar.requireHandlers(Synth.jar(), List.of("com.nija.functions.NoSuchHandler")))
                .hasMessageContaining("NoSuchHandler");
    }
}
