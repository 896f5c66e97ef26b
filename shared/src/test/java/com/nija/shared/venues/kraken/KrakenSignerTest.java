package com.nija.shared.venues.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nija.shared.broker.BrokerException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KrakenSignerTest {
    /**
     * docs.kraken.com, Spot REST Authentication, "Examples": the private key, nonce, encoded payload and URI path of a
     * new limit order (buy 1.25 XBTUSD at $37,500) and the API-Sign Kraken publishes for them.
     */
    private static final String DOC_SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private static final long DOC_NONCE = 1616492376594L;
    private static final String DOC_PAYLOAD =
            "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private static final String DOC_PATH = "/0/private/AddOrder";
    private static final String DOC_API_SIGN =
            "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    @Test
    @DisplayName("reproduces the API-Sign of Kraken's documented example exactly")
    void documentedExample() {
        assertThat(KrakenSigner.sign(DOC_PATH, DOC_NONCE, DOC_PAYLOAD, DOC_SECRET)).isEqualTo(DOC_API_SIGN);
    }

    @Test
    @DisplayName("the form body written for the example's fields is the payload Kraken signs, byte for byte")
    void formBodyOfTheExample() {
        String body = KrakenForm.of("ordertype", "limit").and("pair", "XBTUSD").and("price", "37500")
                .and("type", "buy").and("volume", "1.25").withNonce(DOC_NONCE);

        assertThat(body).isEqualTo(DOC_PAYLOAD);
    }

    @Test
    @DisplayName("a different nonce, path or body signs differently (the signature covers all three)")
    void coversNoncePathAndBody() {
        assertThat(KrakenSigner.sign(DOC_PATH, DOC_NONCE + 1, DOC_PAYLOAD, DOC_SECRET)).isNotEqualTo(DOC_API_SIGN);
        assertThat(KrakenSigner.sign("/0/private/Balance", DOC_NONCE, DOC_PAYLOAD, DOC_SECRET)).isNotEqualTo(DOC_API_SIGN);
        assertThat(KrakenSigner.sign(DOC_PATH, DOC_NONCE, DOC_PAYLOAD.replace("1.25", "1.26"), DOC_SECRET))
                .isNotEqualTo(DOC_API_SIGN);
    }

    @Test
    @DisplayName("a secret that is not base64 is refused in words that do not repeat it")
    void secretNotBase64() {
        String pasted = "not base64 at all!!";

        assertThatThrownBy(() -> KrakenSigner.sign(DOC_PATH, DOC_NONCE, DOC_PAYLOAD, pasted))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("not base64").doesNotContain(pasted);
                });
    }
}
