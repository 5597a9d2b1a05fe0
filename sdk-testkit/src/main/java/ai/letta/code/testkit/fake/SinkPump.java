package ai.letta.code.testkit.fake;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The session's "reader thread": every {@link SessionSink} call goes through one dedicated thread, in order and
 * never overlapping, as a real transport's stdio pump or event loop delivers them, and never on the thread that
 * called the channel. After {@code onClosed} nothing more is delivered.
 *
 * <p>A plain thread and queue rather than an executor: a single-thread executor that is shut down while another
 * thread races to start its worker can keep a queued task with no thread to run it, and the task at stake here is
 * the {@code onClosed} that ends a turn.
 */
final class SinkPump {

    private static final System.Logger LOG = System.getLogger(SinkPump.class.getName());
    private static final Runnable STOP = () -> { };

    private final SessionSink sink;
    private final Consumer<SessionEvent> observer;
    private final BlockingQueue<Runnable> deliveries = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Object submitLock = new Object();
    private boolean stopped;

    /**
     * @param sink the engine's sink
     * @param threadName the reader thread's name
     * @param observer sees every event delivered (the transport's record), on the reader thread
     */
    SinkPump(SessionSink sink, String threadName, Consumer<SessionEvent> observer) {
        this.sink = sink;
        this.observer = observer;
        this.reader = new Thread(this::deliver, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    void event(SessionEvent event) {
        submit(() -> {
            observer.accept(event);
            sink.onEvent(event);
        });
    }

    void turnStarted(List<String> clientMessageIds, int mergedCount) {
        List<String> ids = List.copyOf(clientMessageIds);
        submit(() -> sink.onTurnStarted(ids, mergedCount));
    }

    void permissionRequest(ToolPermissionRequest request) {
        submit(() -> sink.onPermissionRequest(request));
    }

    /** Runs {@code task} on the reader thread (e.g. to answer a raw command from there). */
    void run(Runnable task) {
        submit(task);
    }

    /**
     * Delivers {@code onClosed} after what is already queued; later submissions are dropped.
     *
     * @param cause why, or {@code null} after a requested close
     * @param wait how long to wait for the delivery (zero: do not wait)
     */
    void close(TransportException cause, Duration wait) {
        synchronized (submitLock) {
            if (stopped) {
                return;
            }
            deliveries.add(() -> sink.onClosed(cause));
            deliveries.add(STOP);
            stopped = true;
        }
        if (!wait.isZero() && Thread.currentThread() != reader) {
            try {
                reader.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                LOG.log(Level.WARNING, "the engine's sink did not return within " + wait);
            }
        }
    }

    private void submit(Runnable delivery) {
        synchronized (submitLock) {
            if (stopped) {
                LOG.log(Level.DEBUG, "dropped a delivery after close");
                return;
            }
            deliveries.add(delivery);
        }
    }

    private void deliver() {
        while (true) {
            Runnable next;
            try {
                next = deliveries.take();
            } catch (InterruptedException e) {
                return; // nobody interrupts this thread; if someone does, it stops
            }
            if (next == STOP) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // The sink contract says it only enqueues; a throwing sink is an engine bug, not a peer fault.
                LOG.log(Level.ERROR, "the engine's sink threw", e);
            }
        }
    }
}
