package com.nija.shared.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nija.shared.json.Json;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The body of {@code PUT /api/v1/brokers/{venue}}: each venue's key in the form the venue issues it, or a refusal. */
class BrokerKeyParserTest {
    static final String KEY_NAME = "organizations/3f6d9c2e-1b7a-4e5f-9a0b-2c4d6e8f1a3b/apiKeys/7e4fabfa-e4ed-4772-b7bc-59d2c35e47ae";
    static final String KRAKEN_SECRET = Base64.getEncoder().encodeToString(
            "kraken-private-key-of-64-bytes-kraken-private-key-of-64-bytes-64".getBytes());

    /** A body each venue accepts: its own fields, its sandbox flag where it has one. */
    static ObjectNode valid(Venue venue) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        switch (venue) {
            case COINBASE -> body.put("keyName", KEY_NAME).put("privateKey", TestKeys.coinbasePem());
            case KRAKEN -> body.put("apiKey", "HtHaX2dBwrSwHcr9x6SKz3c4Lx4i1rjOd0VZpGJz8Jv8VvEn0vbW2b5x")
                    .put("apiSecret", KRAKEN_SECRET);
            case OKX -> body.put("apiKey", "8a2b6c1d-3e4f-5a6b-7c8d-9e0f1a2b3c4d")
                    .put("apiSecret", "E1B2C3D4F5A6B7C8D9E0F1A2B3C4D5E6").put("passphrase", "Nija-demo-1")
                    .put("demo", true);
            case BINANCE -> body.put("apiKey", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A")
                    .put("apiSecret", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")
                    .put("testnet", false);
            case ALPACA -> body.put("keyId", "PKTESTKEY1234567890A").put("secretKey",
                    "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd").put("paper", true);
        }
        return body;
    }

    private static InvalidInputException refused(Venue venue, JsonNode body) {
        InvalidInputException e = catchThrowableOfType(() -> BrokerKeyParser.parse(venue, body),
                InvalidInputException.class);
        assertThat(e).as("refusal of %s", body).isNotNull();
        return e;
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    @DisplayName("each venue's key is read into its fields and sandbox flag; the hint shows the id's last 4 characters")
    void accepted(Venue venue) {
        ObjectNode body = valid(venue);

        VenueCredentials key = BrokerKeyParser.parse(venue, body);

        assertThat(key.venue()).isEqualTo(venue);
        assertThat(key.fields().keySet()).containsExactlyInAnyOrderElementsOf(venue.credentialFields());
        String id = body.get(venue.credentialFields().get(0)).textValue();
        assertThat(key.keyHint()).isEqualTo("…" + id.substring(id.length() - 4));
        assertThat(key.sandbox()).isEqualTo(venue.sandboxFlag().map(f -> body.get(f).booleanValue()).orElse(false));
        assertThat(key.toString()).doesNotContain(body.get(venue.credentialFields().get(1)).textValue());
    }

    @Test
    @DisplayName("a Coinbase key pasted with \\n escapes, or after its EC PARAMETERS block, is stored as one canonical PEM")
    void coinbasePemForms() {
        String escaped = TestKeys.coinbasePem("\\n");
        ObjectNode body = valid(Venue.COINBASE).put("privateKey", escaped);

        String stored = BrokerKeyParser.parse(Venue.COINBASE, body).field("privateKey");

        assertThat(stored).startsWith(EcKeyPem.BEGIN + "\n").endsWith(EcKeyPem.END + "\n").doesNotContain("\\n");
        assertThat(stored.replaceAll("\\s", "")).isEqualTo(escaped.replace("\\n", "").replaceAll("\\s", ""));
        String withParameters = BrokerKeyParser.parse(Venue.COINBASE,
                valid(Venue.COINBASE).put("privateKey", TestKeys.P256_WITH_PARAMETERS)).field("privateKey");
        assertThat(withParameters).doesNotContain("PARAMETERS").startsWith(EcKeyPem.BEGIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysCoinbaseCannotSignWith")
    @DisplayName("a Coinbase private key that is not a P-256 EC PRIVATE KEY PEM is refused, naming privateKey")
    void coinbaseKeyRefused(String what, String privateKey) {
        InvalidInputException e = refused(Venue.COINBASE, valid(Venue.COINBASE).put("privateKey", privateKey));

        assertThat(e.wellFormed()).isTrue();
        assertThat(fields(e)).containsExactly("privateKey");
        assertThat(e.violations().get(0).message()).contains("P-256").doesNotContain(privateKey.strip());
    }

    static Stream<Arguments> keysCoinbaseCannotSignWith() {
        String pem = TestKeys.coinbasePem();
        String body = pem.substring(EcKeyPem.BEGIN.length(), pem.indexOf(EcKeyPem.END));
        return Stream.of(
                Arguments.of("P-384", TestKeys.P384),
                Arguments.of("PKCS#8", TestKeys.P256_PKCS8),
                Arguments.of("Ed25519 secret", TestKeys.ED25519),
                Arguments.of("no armour", body),
                Arguments.of("truncated", pem.substring(0, pem.length() - 40) + "\n" + EcKeyPem.END),
                Arguments.of("a character changed", pem.replaceFirst("MHc", "MHd")),
                Arguments.of("not base64", EcKeyPem.BEGIN + "\n%%%%\n" + EcKeyPem.END),
                Arguments.of("end before begin", EcKeyPem.END + "\n" + EcKeyPem.BEGIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7e4fabfa-e4ed-4772-b7bc-59d2c35e47ae", "organizations//apiKeys/abc",
        "organizations/org/apiKeys/key/extra", "orgs/abc/apiKeys/def"})
    @DisplayName("a Coinbase key name that is not organizations/{org_id}/apiKeys/{key_id} is refused, naming keyName")
    void coinbaseKeyName(String keyName) {
        InvalidInputException e = refused(Venue.COINBASE, valid(Venue.COINBASE).put("keyName", keyName));

        assertThat(fields(e)).containsExactly("keyName");
        assertThat(e.violations().get(0).message()).contains("organizations/{org_id}/apiKeys/{key_id}");
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    @DisplayName("each missing field is named with its rule, all at once, in a 422")
    void missingFields(Venue venue) {
        InvalidInputException e = refused(venue, Json.MAPPER.createObjectNode());

        assertThat(e.wellFormed()).isTrue();
        List<String> expected = new java.util.ArrayList<>(venue.credentialFields());
        venue.sandboxFlag().ifPresent(expected::add);
        assertThat(fields(e)).containsExactlyElementsOf(expected);
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).startsWith("is required"));
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    @DisplayName("a field sent as a number, a list or a blank string is named; a secret's value is never quoted back")
    void wrongKinds(Venue venue) {
        ObjectNode body = valid(venue);
        String secretField = venue.credentialFields().get(1);
        String secret = body.get(secretField).textValue();
        body.put(venue.credentialFields().get(0), 12345);
        body.putArray(secretField).add(secret);

        InvalidInputException e = refused(venue, body);

        assertThat(fields(e)).containsExactly(venue.credentialFields().get(0), secretField);
        assertThat(e.getMessage()).doesNotContain(secret);
        e.violations().forEach(v -> assertThat(v.message()).doesNotContain(secret).contains("must be text"));
        assertThat(fields(refused(venue, valid(venue).put(secretField, "   ")))).containsExactly(secretField);
    }

    @ParameterizedTest
    @EnumSource(value = Venue.class, names = {"OKX", "BINANCE", "ALPACA"})
    @DisplayName("the sandbox flag must be true or false: \"true\" in quotes or 1 is refused, naming the flag")
    void sandboxFlag(Venue venue) {
        String flag = venue.sandboxFlag().orElseThrow();

        assertThat(fields(refused(venue, valid(venue).put(flag, "true")))).containsExactly(flag);
        assertThat(fields(refused(venue, valid(venue).put(flag, 1)))).containsExactly(flag);
        assertThat(fields(refused(venue, (ObjectNode) valid(venue).without(flag)))).containsExactly(flag);
    }

    @Test
    @DisplayName("a field the venue's key does not have is named, with the fields it does have; a long name is not echoed")
    void unknownFields() {
        ObjectNode body = valid(Venue.BINANCE).put("withdraw", true).put("x".repeat(200), "value");

        InvalidInputException e = refused(Venue.BINANCE, body);

        assertThat(fields(e)).containsExactly("withdraw", "(a field of 200 characters)");
        assertThat(e.violations().get(0).message()).contains("apiKey, apiSecret and testnet");
        assertThat(fields(refused(Venue.COINBASE, valid(Venue.COINBASE).put("demo", true)))).containsExactly("demo");
    }

    static Stream<Arguments> malformedSecrets() {
        return Stream.of(
                Arguments.of(Venue.KRAKEN, "apiSecret", "not base64 at all!!"),
                Arguments.of(Venue.KRAKEN, "apiSecret", "c2hvcnQ="),
                Arguments.of(Venue.OKX, "passphrase", "has a space"),
                Arguments.of(Venue.OKX, "apiSecret", "E1B2-C3D4"),
                Arguments.of(Venue.BINANCE, "apiKey", "short"),
                Arguments.of(Venue.BINANCE, "apiSecret", "x".repeat(129)),
                Arguments.of(Venue.ALPACA, "keyId", "PK TEST KEY"),
                Arguments.of(Venue.ALPACA, "secretKey", "line\nbreak-in-the-secret-key"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedSecrets")
    @DisplayName("a value that is not in the venue's form is refused with the field's rule, and is not quoted back")
    void malformedValues(Venue venue, String field, String value) {
        InvalidInputException e = refused(venue, valid(venue).put(field, value));

        assertThat(fields(e)).containsExactly(field);
        assertThat(e.violations().get(0).message()).doesNotContain(value).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"key\"", "42", "null"})
    @DisplayName("a body that is not a JSON object is malformed (400), naming the body and the fields to send")
    void notAnObject(String json) {
        InvalidInputException e = refused(Venue.KRAKEN, Json.readTree(json).orElse(null));

        assertThat(e.wellFormed()).isFalse();
        assertThat(e.violations()).containsExactly(new Violation("body",
                "must be a JSON object with apiKey and apiSecret"));
    }

    @Test
    @DisplayName("surrounding whitespace is trimmed from pasted values")
    void trims() {
        ObjectNode body = valid(Venue.BINANCE);
        String key = body.get("apiKey").textValue();
        body.put("apiKey", "  " + key + "\n");

        assertThat(BrokerKeyParser.parse(Venue.BINANCE, body).field("apiKey")).isEqualTo(key);
    }
}
