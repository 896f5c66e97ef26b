package com.nija.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Finds loopback ports for local servers.
 *
 * <p>Tests and the local platform run several servers side by side (and CI runs several builds side by side), so
 * fixed ports would collide. The port is free when this returns; another process could still take it before the
 * server binds, which the servers detect and report.
 */
public final class FreePort {

    private static final int CONNECT_TIMEOUT_MS = 200;

    private FreePort() {
    }

    /** Returns a TCP port on 127.0.0.1 that nothing is listening on right now. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not allocate a free port on 127.0.0.1", e);
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
    static boolean isAcceptingConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails early with a clear message instead of letting a server die on "address already in use". */
    static void requireUnused(int port, String service) {
        if (isAcceptingConnections(port)) {
            throw new LocalServiceException("Cannot start " + service + ": port " + port
                    + " on 127.0.0.1 is already in use by another process. Pick another port (FreePort.find()).");
        }
    }
}
