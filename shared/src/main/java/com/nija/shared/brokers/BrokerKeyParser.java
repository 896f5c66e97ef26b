package com.nija.shared.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import com.nija.shared.problem.InvalidInputException;
import com.nija.shared.problem.InvalidInputException.Violation;
import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code PUT /api/v1/brokers/{venue}}: exactly the venue's credential fields (as text) and its
 * sandbox flag (true or false), each checked against the form the venue issues it in. Every broken rule is reported
 * at once, naming the field and the rule — and never the value: a refusal must not echo a secret.
 */
public final class BrokerKeyParser {
    /** A credential field's rule: what the value must look like, said in words, and its stored form. */
    private record Rule(Pattern pattern, String description, UnaryOperator<Optional<String>> check) {
        static Rule matching(String regex, String description) {
            return new Rule(Pattern.compile(regex), description, UnaryOperator.identity());
        }

        Optional<String> accept(String value) {
            if (!pattern.matcher(value).matches()) return Optional.empty();
            return check.apply(Optional.of(value));
        }
    }

    /** Coinbase CDP key names: {@code organizations/{org_id}/apiKeys/{key_id}} (ids are UUIDs). */
    private static final Rule COINBASE_KEY_NAME = Rule.matching(
            "organizations/[A-Za-z0-9-]{1,64}/apiKeys/[A-Za-z0-9-]{1,64}",
            "must be the key name Coinbase shows, organizations/{org_id}/apiKeys/{key_id}");
    /** The PEM block is checked by parsing it; the pattern only bounds its size and characters. */
    private static final Rule COINBASE_PRIVATE_KEY = new Rule(Pattern.compile("[A-Za-z0-9+/=\\s\\\\-]{1,4096}"),
            "must be the EC private key Coinbase issued with the key name, a PEM block from "
                    + EcKeyPem.BEGIN + " to " + EcKeyPem.END + " on the P-256 curve (ECDSA, not Ed25519)",
            value -> value.flatMap(EcKeyPem::canonical));
    private static final Rule KRAKEN_API_KEY = Rule.matching("[A-Za-z0-9+/=]{16,128}",
            "must be the API key Kraken shows: 16–128 letters, digits or + / =");
    private static final Rule KRAKEN_SECRET = new Rule(Pattern.compile("[A-Za-z0-9+/=]{16,256}"),
            "must be the private key Kraken shows, base64 (16–256 characters of letters, digits, + / =)",
            value -> value.filter(BrokerKeyParser::isBase64));
    private static final Rule OKX_API_KEY = Rule.matching("[A-Za-z0-9-]{8,128}",
            "must be the API key OKX shows: 8–128 letters, digits or dashes");
    private static final Rule OKX_SECRET = Rule.matching("[A-Za-z0-9]{8,128}",
            "must be the secret key OKX shows: 8–128 letters or digits");
    private static final Rule OKX_PASSPHRASE = Rule.matching("[\\x21-\\x7E]{1,64}",
            "must be the passphrase you set when creating the OKX key: 1–64 printable characters, no spaces");
    private static final Rule BINANCE_TOKEN = Rule.matching("[A-Za-z0-9]{16,128}",
            "must be as Binance shows it: 16–128 letters or digits (an HMAC key)");
    private static final Rule ALPACA_KEY_ID = Rule.matching("[A-Za-z0-9]{8,128}",
            "must be the API key ID Alpaca shows: 8–128 letters or digits");
    private static final Rule ALPACA_SECRET = Rule.matching("[A-Za-z0-9+/=]{16,128}",
            "must be the secret key Alpaca shows: 16–128 letters, digits or + / =");

    private static final Map<Venue, Map<String, Rule>> RULES = Map.of(
            Venue.COINBASE, Map.of("keyName", COINBASE_KEY_NAME, "privateKey", COINBASE_PRIVATE_KEY),
            Venue.KRAKEN, Map.of("apiKey", KRAKEN_API_KEY, "apiSecret", KRAKEN_SECRET),
            Venue.OKX, Map.of("apiKey", OKX_API_KEY, "apiSecret", OKX_SECRET, "passphrase", OKX_PASSPHRASE),
            Venue.BINANCE, Map.of("apiKey", BINANCE_TOKEN, "apiSecret", BINANCE_TOKEN),
            Venue.ALPACA, Map.of("keyId", ALPACA_KEY_ID, "secretKey", ALPACA_SECRET));

    private BrokerKeyParser() {}

    /**
     * The credentials {@code body} holds for {@code venue}.
     *
     * @throws InvalidInputException 400 when the body is not a JSON object; 422 naming every missing, malformed or
     *                               unknown field otherwise
     */
    public static VenueCredentials parse(Venue venue, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object with " + fieldList(venue));
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : venue.credentialFields()) {
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) {
                violations.add(new Violation(name, "is required: " + rule(venue, name).description()));
            } else if (!node.isTextual()) {
                violations.add(new Violation(name, "must be text: " + rule(venue, name).description()));
            } else if (node.textValue().isBlank()) {
                violations.add(new Violation(name, "is required: " + rule(venue, name).description()));
            } else {
                Optional<String> accepted = rule(venue, name).accept(node.textValue().strip());
                if (accepted.isPresent()) fields.put(name, accepted.get());
                else violations.add(new Violation(name, rule(venue, name).description()));
            }
        }
        boolean sandbox = venue.sandboxFlag().map(flag -> sandbox(venue, flag, body.get(flag), violations)).orElse(false);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!venue.credentialFields().contains(name) && !venue.sandboxFlag().map(name::equals).orElse(false)) {
                violations.add(new Violation(safeName(name), "is not a field of a " + venue.wire() + " key: send "
                        + fieldList(venue)));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations, true);
        return new VenueCredentials(venue, fields, sandbox);
    }

    /** The fields a {@code venue} key is sent with, in words: {@code keyName and privateKey}. */
    public static String fieldList(Venue venue) {
        List<String> names = new ArrayList<>(venue.credentialFields());
        venue.sandboxFlag().ifPresent(flag -> names.add(flag + " (true or false)"));
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static boolean sandbox(Venue venue, String flag, JsonNode node, List<Violation> violations) {
        if (node != null && node.isBoolean()) return node.booleanValue();
        violations.add(new Violation(flag, (node == null || node.isNull() ? "is required" : "must be true or false")
                + ": true for a " + venue.wire() + " " + flag + " key, false for a live one"));
        return false;
    }

    private static Rule rule(Venue venue, String field) {
        return RULES.get(venue).get(field);
    }

    private static boolean isBase64(String value) {
        try {
            return Base64.getDecoder().decode(value).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A field name fit to quote back: an unknown name could be anything the caller sent, even a pasted secret. */
    private static String safeName(String name) {
        return name.length() <= 24 && name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name
                : "(a field of " + name.length() + " characters)";
    }
}
