package ai.letta.code.transport.local.session;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Enforces the {@link SessionSink} contract on the transport side: calls never overlap (the stdout reader and the
 * exit watcher may both want to report), and nothing follows {@link #onClosed}.
 */
final class GuardedSink implements SessionSink {

    private final SessionSink delegate;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    GuardedSink(SessionSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onEvent(SessionEvent event) {
        lock.lock();
        try {
            if (!closed) {
                delegate.onEvent(event);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
        lock.lock();
        try {
            if (!closed) {
                delegate.onTurnStarted(clientMessageIds, mergedCount);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onPermissionRequest(ToolPermissionRequest request) {
        lock.lock();
        try {
            if (!closed) {
                delegate.onPermissionRequest(request);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onClosed(TransportException cause) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                delegate.onClosed(cause);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} under the sink's lock, closed or not: for state that must change atomically with what is
     * emitted (events sent from {@code action} are still dropped once closed).
     *
     * @param action what to run
     */
    void always(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #always} for a result: runs {@code action} under the sink's lock and returns what it returns.
     *
     * @param action what to run
     * @return its result
     */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether {@link #onClosed} was called */
    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
