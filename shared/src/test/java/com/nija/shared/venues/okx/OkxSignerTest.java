package com.nija.shared.venues.okx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for OKX's signature over the example inputs of docs-v5 "Overview › REST Authentication › Signature":
 * its SecretKey {@code 22582BD0CFF14C41EDBF1AB98506286D}, timestamp {@code 2020-12-08T09:08:57.715Z}, the GET
 * {@code /api/v5/account/balance?ccy=BTC} and the body {@code {"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}}.
 * The docs print no resulting signature, so the expected values were computed apart from this code, with
 * {@code printf '%s' '<timestamp><METHOD><path><body>' | openssl dgst -sha256 -hmac '<secret>' -binary | base64}
 * (and checked with Python's hmac module).
 */
class OkxSignerTest {
    private static final String SECRET = "22582BD0CFF14C41EDBF1AB98506286D";
    private static final String TIMESTAMP = "2020-12-08T09:08:57.715Z";

    @Test
    @DisplayName("a GET is signed over timestamp, GET and the path with its query, without a body")
    void getWithQuery() {
        assertThat(OkxSigner.sign(SECRET, TIMESTAMP, "GET", "/api/v5/account/balance?ccy=BTC", ""))
                .isEqualTo("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
    }

    @Test
    @DisplayName("a POST is signed over timestamp, POST, the path and the JSON body as sent")
    void postWithBody() {
        assertThat(OkxSigner.sign(SECRET, TIMESTAMP, "POST", "/api/v5/account/set-leverage",
                "{\"instId\":\"BTC-USDT\",\"lever\":\"5\",\"mgnMode\":\"isolated\"}"))
                .isEqualTo("eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=");
    }

    @Test
    @DisplayName("the query is part of what is signed: another query, another signature")
    void querySigned() {
        assertThat(OkxSigner.sign(SECRET, TIMESTAMP, "GET", "/api/v5/account/balance?ccy=ETH", ""))
                .isNotEqualTo(OkxSigner.sign(SECRET, TIMESTAMP, "GET", "/api/v5/account/balance?ccy=BTC", ""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2020-12-08T09:08:57.715Z, 2020-12-08T09:08:57.715Z",
        "2031-06-16T12:00:00Z, 2031-06-16T12:00:00.000Z",
        "2031-06-16T12:00:00.100Z, 2031-06-16T12:00:00.100Z",
        "2031-06-16T23:59:59.999999999Z, 2031-06-16T23:59:59.999Z"
    })
    @DisplayName("the timestamp header is UTC with exactly three fraction digits, truncated, never rounded up")
    void timestamp(String instant, String header) {
        assertThat(OkxSigner.timestamp(Instant.parse(instant))).isEqualTo(header);
    }
}
