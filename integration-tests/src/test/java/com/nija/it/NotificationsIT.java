package com.nija.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.nija.it.support.SignalSource.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nija.it.support.Api;
import com.nija.it.support.Await;
import com.nija.it.support.ApiTarget;
import com.nija.it.support.LocalPlatformOnly;
import com.nija.it.support.PlatformTest;
import com.nija.it.support.SignalSource;
import com.nija.it.support.Trader;
import com.nija.local.services.mail.GreenMailServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A fill, told the way a trader set it up, over the shared local platform: the email lands in the platform's GreenMail
 * and the signed webhook reaches the trader's endpoint (a WireMock on this machine), through the notifications queue
 * and worker.
 */
@PlatformTest
@LocalPlatformOnly("reads the emails the platform's GreenMail received")
class NotificationsIT {
    private static final String SYMBOL = "LINK-USD";
    private static WireMockServer hooks;

    private final ApiTarget target;
    private final SignalSource source;

    NotificationsIT(ApiTarget target) {
        this.target = target;
        this.source = SignalSource.register(target, "notifications");
    }

    @BeforeAll
    static void endpoint() {
        hooks = new WireMockServer(wireMockConfig().dynamicPort());
        hooks.start();
    }

    @AfterAll
    static void stop() {
        if (hooks != null) hooks.stop();
    }

    @Test
    @DisplayName("a fill arrives as an email in GreenMail and as a webhook whose signature verifies with the trader's secret")
    void fillByEmailAndWebhook() throws Exception {
        Trader trader = Trader.following(target, "notifications", source, Map.of("allowedSymbols", List.of(SYMBOL),
                "positionSizePct", "5"));
        Api api = new Api(target);
        String address = "it-" + UUID.randomUUID() + "@example.com";
        String path = "/hook/" + UUID.randomUUID();
        hooks.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        api.putJson("/api/v1/notifications/channels/email", trader.token(), Map.of("address", address), null)
                .expect(200);
        String secret = api.putJson("/api/v1/notifications/channels/webhook", trader.token(),
                Map.of("url", hooks.baseUrl() + path), null).expect(200).json().path("signingSecret").asText();
        api.putJson("/api/v1/notifications/preferences", trader.token(),
                Map.of("events", Map.of("fill", List.of("email", "webhook"))), null).expect(200);
        source.price(SYMBOL, "20.00");

        source.send(signal("buy", SYMBOL)).expect(202);

        trader.awaitOrders("the buy to fill", "filled", o -> o.size() == 1);
        GreenMailServer mail = target.platform("reading its mail").mail();
        MimeMessage email = Await.until("the fill's email", Duration.ofSeconds(30), () -> mailTo(mail, address),
                m -> m != null);
        assertThat(email.getSubject()).contains(SYMBOL).contains("filled");
        LoggedRequest delivery = Await.until("the fill's webhook", Duration.ofSeconds(30),
                () -> hooks.findAll(postRequestedFor(urlPathEqualTo(path))), calls -> !calls.isEmpty()).get(0);
        assertThat(verifies(delivery.getHeader("X-Nija-Signature"), delivery.getBodyAsString(), secret)).isTrue();
        assertThat(delivery.getHeader("X-Nija-Event")).isEqualTo("fill");
        JsonNode log = Await.until("both deliveries logged", Duration.ofSeconds(10),
                () -> api.get("/api/v1/notifications/deliveries", trader.token()).expect(200).json().path("items"),
                items -> items.size() == 2 && items.findValuesAsText("status").stream().allMatch("delivered"::equals));
        assertThat(log.findValuesAsText("channel")).containsExactlyInAnyOrder("email", "webhook");
    }

    private static MimeMessage mailTo(GreenMailServer mail, String address) {
        try {
            for (MimeMessage m : mail.received()) {
                if (m.getAllRecipients()[0].toString().equals(address)) return m;
            }
            return null;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver's check, written apart from NIJA's signer: HMAC-SHA256(secret, "t.body") in hex. */
    private static boolean verifies(String header, String body, String secret) throws Exception {
        String t = header.replaceAll(".*t=([0-9]+).*", "$1");
        String v1 = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))).equals(v1);
    }
}
