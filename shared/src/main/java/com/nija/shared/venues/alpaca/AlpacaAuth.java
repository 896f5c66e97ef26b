package com.nija.shared.venues.alpaca;

import com.nija.shared.venues.Venue;
import com.nija.shared.venues.VenueCredentials;
import java.net.http.HttpRequest;

/**
 * Alpaca's Trading API authentication (docs, "Authentication"; the crypto orders page's curl example): every private
 * request carries the key id in {@code APCA-API-KEY-ID} and the secret key in {@code APCA-API-SECRET-KEY}, as issued.
 * There is no signature to compute: TLS protects the secret in transit. A paper key is valid only on the paper host,
 * a live key only on the live one, so the host is chosen by the key's paper flag.
 */
final class AlpacaAuth {
    static final String KEY_ID_HEADER = "APCA-API-KEY-ID";
    static final String SECRET_KEY_HEADER = "APCA-API-SECRET-KEY";

    private AlpacaAuth() {}

    static HttpRequest.Builder authenticate(HttpRequest.Builder request, VenueCredentials key) {
        if (key.venue() != Venue.ALPACA) throw new IllegalArgumentException("not an Alpaca key: " + key);
        return request.header(KEY_ID_HEADER, key.field("keyId")).header(SECRET_KEY_HEADER, key.field("secretKey"));
    }
}
