package io.incidentconsole.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between consoles and the database that can cut one connection at a chosen moment: when a client
 * sends bytes containing a marker (e.g. the statement that appends and commits an event), the proxy either cuts
 * without forwarding them (the server never sees the statement), or forwards them and cuts when the server's
 * reply comes (the server committed; the client never hears back). It can also go silent, like a network that
 * drops every packet: connections stay open and new ones are accepted, but no byte goes through either way.
 */
final class CuttingProxy implements AutoCloseable {

    enum Cut { BEFORE_THE_SERVER_GETS_IT, BEFORE_THE_CLIENT_GETS_THE_REPLY }

    private record Armed(byte[] marker, Cut cut) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean silent;

    CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next client bytes containing {@code marker} cut their connection (once). */
    void cutOnce(String marker, Cut cut) {
        armed.set(new Armed(marker.getBytes(StandardCharsets.US_ASCII), cut));
    }

    int cuts() {
        return cuts.get();
    }

    /** From now on nothing goes through, until {@link #speak()}: bytes are swallowed, nothing is closed. */
    void silence() {
        silent = true;
    }

    /** Bytes go through again (connections that were open while silent have lost what was swallowed). */
    void speak() {
        silent = false;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean replyCut = new AtomicBoolean();
                pump(client, server, true, replyCut);
                pump(server, client, false, replyCut);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient, AtomicBoolean replyCut) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (silent) {
                        continue;
                    }
                    if (!fromClient && replyCut.get()) {
                        cuts.incrementAndGet();
                        break;
                    }
                    Armed cut = fromClient ? armed.get() : null;
                    if (cut != null && contains(buffer, n, cut.marker()) && armed.compareAndSet(cut, null)) {
                        if (cut.cut() == Cut.BEFORE_THE_SERVER_GETS_IT) {
                            cuts.incrementAndGet();
                            break;
                        }
                        replyCut.set(true);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away: the other goes too, below.
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buffer[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        sockets.forEach(CuttingProxy::closeQuietly);
    }
}
