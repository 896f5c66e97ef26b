package com.nija.local.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids shaped like API Gateway's ({@code JKJaXmPLvHcESHA=}: 11 bytes, base64): milliseconds, a per-process
 * salt and a counter, so ids are unique within the process and, in practice, across restarts.
 */
final class RequestIds {
    private static final AtomicInteger COUNTER = new AtomicInteger(new SecureRandom().nextInt());
    private static final byte SALT = (byte) new SecureRandom().nextInt();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    static String next(long epochMillis) {
        int count = COUNTER.getAndIncrement();
        byte[] b = new byte[11];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (epochMillis >>> (8 * (5 - i)));
        }
        b[6] = SALT;
        b[7] = (byte) (count >>> 24);
        b[8] = (byte) (count >>> 16);
        b[9] = (byte) (count >>> 8);
        b[10] = (byte) count;
        return ENCODER.encodeToString(b);
    }

    /** An X-Ray style trace header value, {@code Root=1-<epoch seconds hex>-<96 random bits hex>}. */
    static String traceId(long epochMillis) {
        StringBuilder sb = new StringBuilder(40).append("Root=1-");
        long seconds = epochMillis / 1000;
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (seconds >>> shift) & 0xf]);
        }
        sb.append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long a = random.nextLong();
        int b = random.nextInt();
        for (int shift = 60; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (a >>> shift) & 0xf]);
        }
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(HEX[(b >>> shift) & 0xf]);
        }
        return sb.toString();
    }
}
