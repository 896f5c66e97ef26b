package com.nija.local.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A one-shot RESP {@code PING}, so readiness means "serves commands" rather than "port open" and needs no Redis
 * client library in this module.
 */
final class RedisPing {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMEOUT_MS = 500;

    private RedisPing() {
    }

    /** True when a server on 127.0.0.1:{@code port} answers {@code +PONG}. */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(PING);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(PONG.length);
            return Arrays.equals(reply, PONG);
        } catch (IOException e) {
            return false;
        }
    }
}
