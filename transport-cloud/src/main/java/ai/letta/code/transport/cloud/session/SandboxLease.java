package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.ManagedSandboxExpiredException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.transport.cloud.rest.CloudEnvironment;
import ai.letta.code.transport.cloud.rest.CloudSandbox;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A managed sandbox held for one session (cloud.md §1.1 step 4): created (or resumed, when the conversation has
 * one), refreshed once, polled until its listener is online, then refreshed on a timer. A refresh answered 404
 * means Letta Cloud reaped it: the lease is expired from then on, the session is told ({@code onExpired}), and every
 * later call fails with a {@link ManagedSandboxExpiredException} that says how to resume. Closing stops the timer
 * and terminates the sandbox only when the settings ask.
 */
final class SandboxLease implements ListenerLocator {

    private static final System.Logger LOG = System.getLogger(SandboxLease.class.getName());

    private final SessionControl control;
    private final CloudSandbox sandbox;
    private final ExecutionTarget.ManagedSandbox settings;
    private final String resumeId;
    private volatile Runnable onExpired = () -> { };
    private volatile ManagedSandboxExpiredException expired;
    private ScheduledFuture<?> refresher;
    private boolean closed;

    private SandboxLease(SessionControl control, CloudSandbox sandbox,
            ExecutionTarget.ManagedSandbox settings, String resumeId) {
        this.control = control;
        this.sandbox = sandbox;
        this.settings = settings;
        this.resumeId = resumeId;
    }

    /**
     * Creates or resumes the sandbox and waits, bounded by the ready timeout, until its listener is online.
     *
     * @param control the control plane
     * @param agentId the agent
     * @param conversationId the conversation, or {@code null} for the agent's main thread
     * @param settings the sandbox settings
     * @param timer runs the refreshes
     * @return the lease, refreshing
     */
    static SandboxLease acquire(SessionControl control, String agentId, String conversationId,
            ExecutionTarget.ManagedSandbox settings, ScheduledExecutorService timer) {
        CloudSandbox sandbox = control.createSandbox(agentId, conversationId);
        SandboxLease lease = new SandboxLease(control, sandbox, settings,
                conversationId == null ? agentId : conversationId);
        try {
            lease.refresh();
            lease.awaitOnline();
            long every = settings.refreshInterval().toMillis();
            lease.refresher = timer.scheduleWithFixedDelay(lease::refreshQuietly, every, every,
                    TimeUnit.MILLISECONDS);
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** @param callback told once, on a timer thread, when the sandbox is found reaped */
    void onExpired(Runnable callback) {
        this.onExpired = callback;
    }

    /** @return the expiry, once a refresh found the sandbox gone */
    Optional<ManagedSandboxExpiredException> expiry() {
        return Optional.ofNullable(expired);
    }

    @Override
    public String connectionId() {
        expiry().ifPresent(e -> {
            throw e;
        });
        try {
            CloudEnvironment environment = control.environment(sandbox.deviceId());
            if (environment.online()) {
                return environment.connectionId();
            }
        } catch (NotFoundException e) {
            // not registered (any more): reaped, or restarting
        }
        refresh(); // offline: reaped (throws) or restarting (try again later)
        throw new TransportException(describe() + " is offline");
    }

    @Override
    public String describe() {
        return "managed sandbox " + sandbox.sandboxId();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (refresher != null) {
                refresher.cancel(false);
            }
        }
        if (settings.terminateOnClose() && expired == null) {
            try {
                control.terminateSandbox(sandbox.sandboxId());
            } catch (LettaCodeException e) {
                LOG.log(Level.WARNING, "could not terminate {0}: {1} (its TTL ends it)", describe(), e.getMessage());
            }
        }
    }

    private void refresh() {
        try {
            control.refreshSandbox(sandbox.sandboxId(), settings.ttlMinutes());
        } catch (NotFoundException e) {
            throw expire(e);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ManagedSandboxExpiredException e) {
            // reported through onExpired
        } catch (LettaCodeException e) {
            LOG.log(Level.WARNING, "refreshing {0} failed: {1}; trying again in {2} ms", describe(), e.getMessage(),
                    settings.refreshInterval().toMillis());
        }
    }

    private ManagedSandboxExpiredException expire(NotFoundException cause) {
        boolean first;
        synchronized (this) {
            first = expired == null;
            if (first) {
                expired = new ManagedSandboxExpiredException(describe() + " expired (Letta Cloud reaped it: "
                        + cause.getMessage() + "); the conversation is intact: resume it in a new session with "
                        + "client.resumeSession(\"" + resumeId + "\")", cause);
                if (refresher != null) {
                    refresher.cancel(false);
                }
            }
        }
        if (first) {
            onExpired.run();
        }
        return expired;
    }

    private void awaitOnline() {
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        String last = "not registered yet";
        while (true) {
            try {
                if (control.environment(sandbox.deviceId()).online()) {
                    return;
                }
                last = "registered, listener not connected";
            } catch (NotFoundException | TransportException e) {
                last = e.getMessage(); // "not found" / offline while it boots: poll again
            }
            if (System.nanoTime() - deadline > 0) {
                throw new OperationTimeoutException(describe() + " did not come online within "
                        + settings.readyTimeout().toMillis() + " ms (ManagedSandbox.readyTimeout); last seen: " + last);
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionClosedException("interrupted while waiting for " + describe() + " to come online",
                        e);
            }
        }
    }
}
