package com.nija.local.gateway;

import com.nija.shared.config.PlatformClock;

/**
 * Connection ids shaped like API Gateway's ({@code L0SM9cOFvHcCIhw=}), unique within the process, in the URL-safe
 * base64 alphabet so they sit in an {@code @connections/{id}} path and a DynamoDB key as they are.
 */
final class ConnectionIds {
    private ConnectionIds() {
    }

    static String next() {
        return RequestIds.next(PlatformClock.system().millis()).replace('+', '-').replace('/', '_');
    }
}
