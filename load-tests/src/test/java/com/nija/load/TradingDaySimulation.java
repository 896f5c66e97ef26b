package com.nija.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trading day, compressed: traders reading their dashboard, positions, trades and performance and now and then
 * saving settings; WebSocket clients held open receiving their fills; a signal source sending a signal to every
 * trader at a fixed interval (buy and exit alternating); a price feed posting signed batches; Stripe delivering
 * signed {@code invoice.paid} webhooks. Knobs: {@link LoadParameters}. At the end it prints the blueprint's SLA table
 * ({@link SlaTable}) and writes it to {@code target/sla-table.txt}; Gatling writes its HTML report beside it.
 */
public class TradingDaySimulation extends Simulation {
    /** After the last signal, how long fills may take before the run stops sending. */
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final Duration RAMP = Duration.ofSeconds(10);

    private final LoadParameters p = LoadParameters.fromSystemProperties();
    private final PlatformSetup setup = new PlatformSetup(p);
    private final PlatformSetup.Prepared run;
    private final SlaTable sla = new SlaTable();
    private final AtomicInteger signalCount = new AtomicInteger();
    private final AtomicInteger webhookCount = new AtomicInteger();

    public TradingDaySimulation() {
        try {
            run = setup.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("setting up the load run failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up", e);
        }
        System.out.printf("load run %s against %s: %d traders (%d connected), %s of traffic%n", run.runId(),
                p.baseUrl(), p.traders(), p.connectedTraders(), p.duration());

        HttpProtocolBuilder protocol = http.baseUrl(p.baseUrl().toString()).wsBaseUrl(p.wsUrl().replaceFirst("/ws$", ""))
                .acceptHeader("application/json").contentTypeHeader("application/json").shareConnections()
                // Gatling drops pushes no check waits for unless it buffers them; the live clients read them each second.
                .wsUnmatchedInboundMessageBufferSize(1_000);
        List<Map<String, Object>> traders = run.traders().stream()
                .map(t -> Map.<String, Object>of("traderId", t.id(), "token", t.token())).toList();

        setUp(
                traderDay(traders).injectOpen(rampUsers(p.traders()).during(RAMP)),
                liveClients(traders).injectOpen(rampUsers(p.connectedTraders()).during(RAMP)),
                signals().injectOpen(nothingFor(RAMP.plusSeconds(5)), atOnceUsers(1)),
                prices().injectOpen(atOnceUsers(1)),
                webhooks().injectOpen(constantUsersPerSec(p.stripeSecret() == null ? 0 : p.webhooksPerMinute() / 60)
                        .during(p.duration())))
                .protocols(protocol)
                .maxDuration(p.duration().plus(RAMP).plus(DRAIN).plusSeconds(30))
                .assertions(global().failedRequests().percent().lt(0.1));
    }

    private ScenarioBuilder traderDay(List<Map<String, Object>> traders) {
        double mean = 60 / p.readsPerTraderPerMinute();
        double reads = (1 - p.settingsSaveShare()) * 100;
        return scenario("trader").feed(listFeeder(traders).queue())
                .during(p.duration()).on(
                        exec(session -> session.set("pause", (long) (mean * 1000 * ThreadLocalRandom.current().nextDouble(0.5, 1.5))))
                                .pause(session -> Duration.ofMillis(session.getLong("pause")))
                                .exec(randomSwitch().on(
                                        percent(reads * 0.40).then(read("dashboard", "/api/v1/dashboard")),
                                        percent(reads * 0.25).then(read("positions", "/api/v1/positions")),
                                        percent(reads * 0.175).then(read("trades", "/api/v1/trades")),
                                        percent(reads * 0.175).then(read("performance", "/api/v1/performance")),
                                        percent(p.settingsSaveShare() * 100).then(saveSettings()))));
    }

    private ChainBuilder read(String name, String path) {
        return exec(http(name).get(path).header("Authorization", "Bearer #{token}")
                .check(responseTimeInMillis().saveAs("rt"))).exec(this::recordApi);
    }

    private ChainBuilder saveSettings() {
        return exec(http("settings read").get("/api/v1/settings").header("Authorization", "Bearer #{token}")
                .check(jsonPath("$.version").saveAs("version"), responseTimeInMillis().saveAs("rt")))
                .exec(this::recordApi)
                .exec(http("settings save").put("/api/v1/settings").header("Authorization", "Bearer #{token}")
                        .header("If-Match", "\"#{version}\"")
                        .body(StringBody(s -> PlatformSetup.Settings.body(run.signalSource(),
                                ThreadLocalRandom.current().nextInt(3))))
                        .check(responseTimeInMillis().saveAs("rt")))
                .exec(this::recordApi);
    }

    /** Counts the request, keeps its time if it succeeded, and clears the failure so the next request starts clean. */
    private Session recordApi(Session session) {
        sla.requests.incrementAndGet();
        if (session.isFailed() || !session.contains("rt")) {
            sla.failures.incrementAndGet();
        } else {
            sla.api.add(session.getLong("rt"));
        }
        return session.remove("rt").markAsSucceeded();
    }

    private ScenarioBuilder liveClients(List<Map<String, Object>> traders) {
        return scenario("live client").feed(listFeeder(traders).queue())
                .exec(ws("connect").connect("/ws?token=#{token}"))
                .exec(ws("subscribe").sendText("{\"action\":\"subscribe\",\"channels\":[\"orders\",\"trades\",\"positions\"],\"id\":\"s\"}")
                        .await(10).on(ws.checkTextMessage("subscribed").check(regex("\"subscribed\""))))
                .during(p.duration()).on(exec(session -> session).pause(1)
                        .exec(ws.processUnmatchedMessages((messages, session) -> {
                            messages.forEach(this::recordPush);
                            return session;
                        })))
                .exec(ws("close").close());
    }

    /** A fill's push: client receive time minus the update's own time ({@code at}, set when the fill was recorded). */
    private void recordPush(WsInboundMessage message) {
        if (!(message instanceof WsInboundMessage.Text text)) return;
        try {
            for (JsonNode u : PlatformSetup.JSON.readTree(text.message()).path("updates")) {
                if ("order.filled".equals(u.path("event").asText()) && u.hasNonNull("at")) {
                    sla.push.add(message.timestamp() - Instant.parse(u.path("at").asText()).toEpochMilli());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a push that is not JSON", e);
        }
    }

    private ScenarioBuilder signals() {
        Duration sending = p.duration().minus(RAMP).minus(DRAIN);
        return scenario("signal source").during(sending.isNegative() ? Duration.ofSeconds(1) : sending).on(
                exec(session -> {
                    int i = signalCount.getAndIncrement();
                    String body = "{\"signalId\":\"" + run.runId() + "-s" + i + "\",\"symbol\":\"BTC-USD\",\"action\":\""
                            + (i % 2 == 0 ? "buy" : "exit") + "\",\"strategy\":\"load\"}";
                    return session.set("body", body)
                            .set("signature", Signatures.sign(run.signalSecret(), body, Instant.now().getEpochSecond()));
                })
                        .exec(http("signal").post("/api/v1/signals").header("X-Nija-Source", run.signalSource())
                                .header("X-Nija-Signature", "#{signature}").body(StringBody(s -> s.getString("body")))
                                .check(status().is(202)))
                        .pause(Duration.ofSeconds(p.signalEverySeconds())));
    }

    private ScenarioBuilder prices() {
        return scenario("price feed").during(p.duration().plus(RAMP)).on(
                exec(session -> {
                    String body = PlatformSetup.PriceWalk.next();
                    return session.set("body", body)
                            .set("signature", Signatures.sign(run.priceSecret(), body, Instant.now().getEpochSecond()));
                })
                        .exec(http("prices").post("/internal/prices").header("X-Nija-Source", run.priceSource())
                                .header("X-Nija-Signature", "#{signature}").body(StringBody(s -> s.getString("body"))))
                        .pause(Duration.ofSeconds(p.priceBatchEverySeconds())));
    }

    private ScenarioBuilder webhooks() {
        return scenario("stripe").exec(session -> {
            int i = webhookCount.getAndIncrement();
            long now = Instant.now().getEpochSecond();
            String body = StripeEvents.invoicePaid(run.runId() + "x" + i, now);
            return session.set("body", body).set("signature", Signatures.sign(p.stripeSecret(), body, now));
        }).exec(http("stripe webhook").post("/webhooks/stripe").header("Stripe-Signature", "#{signature}")
                .body(StringBody(s -> s.getString("body"))));
    }

    @Override
    public void after() {
        try {
            int expected = 0;
            int filled = 0;
            Map<String, Integer> others = new java.util.TreeMap<>();
            for (PlatformSetup.Trader t : run.traders()) {
                for (JsonNode o : setup.orders(t).path("orders")) {
                    if (!run.signalSource().equals(o.path("source").asText())) continue;
                    expected++;
                    if ("FILLED".equals(o.path("status").asText()) && o.hasNonNull("filledAt")) {
                        filled++;
                        sla.signalToOrder.add(Instant.parse(o.path("filledAt").asText()).toEpochMilli()
                                - Instant.parse(o.path("createdAt").asText()).toEpochMilli());
                    } else {
                        others.merge(o.path("status").asText() + " " + o.path("reason").asText(""), 1, Integer::sum);
                    }
                }
            }
            System.out.printf("signals sent: %d; orders from them: %d, filled %d, other %s%n", signalCount.get(),
                    expected, filled, others);
        } catch (IOException e) {
            System.out.println("could not read the traders' orders: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sla.print(System.out);
        try (var out = new java.io.PrintStream(Files.newOutputStream(targetDir().resolve("sla-table.txt")))) {
            sla.print(out);
        } catch (IOException e) {
            System.out.println("could not write sla-table.txt: " + e.getMessage());
        }
    }

    /** load-tests/target, found from where this class was compiled to (the forked JVM's directory varies). */
    private static Path targetDir() {
        try {
            return Path.of(TradingDaySimulation.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            return Path.of("target");
        }
    }
}
