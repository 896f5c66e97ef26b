package com.nija.local.services;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends one RESP2 command over a fresh socket and parses the reply, so these tests need no Redis client. */
final class Resp {

    private Resp() {
    }

    /**
     * Returns a simple string or error as its text ("PONG", "ERR …"), a bulk string as its text or null, an integer as
     * a Long and an array as a List.
     */
    static Object command(int port, String... parts) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            StringBuilder request = new StringBuilder("*").append(parts.length).append("\r\n");
            for (String part : parts) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(part).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Object read(InputStream in) throws IOException {
        String line = line(in);
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+', '-':
                return rest;
            case ':':
                return Long.parseLong(rest);
            case '$':
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                line(in);
                return value;
            case '*':
                List<Object> items = new ArrayList<>();
                for (int i = Integer.parseInt(rest); i > 0; i--) {
                    items.add(read(in));
                }
                return items;
            default:
                throw new IOException("Not a RESP reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-reply");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
