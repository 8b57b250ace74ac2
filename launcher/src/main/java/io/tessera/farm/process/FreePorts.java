package io.tessera.farm.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface for the farm's processes. */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code port} itself when it is positive, otherwise a port that is free on 127.0.0.1 right now. */
    public static int orFree(int port) {
        return port > 0 ? port : free();
    }

    /** A port that is free on 127.0.0.1 right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
