package com.nija.shared.venues;

/**
 * Nonces that rise strictly per key across every function using it (Kraken refuses a nonce not above the last one
 * it saw for the key). In AWS and locally: a counter in Redis per key.
 */
@FunctionalInterface
public interface NonceSource {
    long next(String keyId);
}
