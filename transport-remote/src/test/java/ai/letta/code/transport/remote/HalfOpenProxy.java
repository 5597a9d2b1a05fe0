package ai.letta.code.transport.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on {@code 127.0.0.1} in front of the app server that can cut only the client side of its connections:
 * the client sees its socket drop (1006) while the server's side stays open, as after a network partition the
 * server has not noticed yet. The server then still counts the old connection as a subscriber and keeps what it
 * would drop when its only subscriber leaves, such as a pending approval. What the server sends on a cut
 * connection is read and discarded. Each new client connection gets a new server connection.
 */
final class HalfOpenProxy implements AutoCloseable {

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();
    /** Sockets whose bytes are swallowed both ways while both sides stay open: a silent network path. */
    private final Set<Socket> frozen = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "half-open-proxy");
        thread.setDaemon(true);
        return thread;
    });

    HalfOpenProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, loopback);
        threads.execute(this::accept);
    }

    /** @return the proxied websocket endpoint */
    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
    }

    /** Closes every client-side socket; the server-side ones stay open (and are drained). */
    void cutClients() {
        for (Socket client : clients) {
            closeQuietly(client);
        }
        clients.clear();
    }

    /**
     * Silences every current connection: both sockets stay open and nothing passes either way (no FIN, no RST), as
     * when a network path dies without telling anyone. Later connections pass normally.
     */
    void freeze() {
        frozen.addAll(clients);
        frozen.addAll(upstreams);
    }

    /** @return how many client connections the proxy has taken */
    int connectionsTaken() {
        return taken.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(loopback, targetPort);
                clients.add(client);
                upstreams.add(upstream);
                taken.incrementAndGet();
                threads.execute(() -> pump(client, upstream, false));
                threads.execute(() -> pump(upstream, client, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies bytes; when writing fails, either stops or (for the server's side) keeps reading and discarding. */
    private void pump(Socket from, Socket to, boolean drainWhenCut) {
        byte[] buffer = new byte[16 * 1024];
        boolean writing = true;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!writing || frozen.contains(from)) {
                    continue;
                }
                try {
                    out.write(buffer, 0, read);
                    out.flush();
                } catch (IOException e) {
                    if (!drainWhenCut) {
                        return;
                    }
                    writing = false;
                }
            }
        } catch (IOException e) {
            // the reading side was closed: cut, or the proxy is closing
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        clients.forEach(HalfOpenProxy::closeQuietly);
        upstreams.forEach(HalfOpenProxy::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // best effort
        }
    }
}
