package ai.letta.code.transport.cloud;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.port.AgentPort;
import ai.letta.code.api.port.BlockPort;
import ai.letta.code.api.port.ConversationPort;
import ai.letta.code.api.port.ModelPort;
import ai.letta.code.api.port.SessionPort;
import ai.letta.code.api.port.Transport;
import ai.letta.code.transport.cloud.http.HttpSettings;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.rest.ControlPlane;
import ai.letta.code.transport.cloud.rest.RestAgents;
import ai.letta.code.transport.cloud.rest.RestBlocks;
import ai.letta.code.transport.cloud.rest.RestConversations;
import ai.letta.code.transport.cloud.rest.RestModels;
import ai.letta.code.transport.cloud.session.CloudSessions;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cloud backend: Letta Cloud with an API key (cloud.md §1). The control plane, agents, conversations, memory
 * blocks and models are HTTPS calls; a session's turns run in a Letta Code listener (a managed sandbox, or a
 * machine registered as an environment) reached through Letta Cloud's relay websocket, which carries the same
 * app-server protocol as the remote backend: the protocol client is the remote backend's.
 *
 * <p><b>Lifecycle.</b> Constructing it starts nothing. The first call creates the HTTP client; each session holds
 * its own relay connection (one event-loop thread) and, on a managed sandbox, a lease that refreshes the sandbox's
 * TTL until the session closes. {@link #close()} stops the HTTP client and the timer and resolver threads; it is
 * idempotent. The engine closes the sessions first.
 *
 * <p><b>Failures.</b> A refused key is an {@link ai.letta.code.api.exception.AuthenticationException} naming
 * {@code LETTA_API_KEY} (never the key); 404, 409, 429 and 5xx answers are typed (not found, conflict, rate limit
 * with its {@code Retry-After}, transport), and idempotent calls are retried on 429/5xx. A relay socket dropped
 * mid-turn ends the turn at once with a failed {@code Result} coded {@code stream_closed}; the session reconnects
 * (following a listener that re-registered) within {@link CloudOptions#reconnectBound()}. A managed sandbox that
 * expired fails the session's next call with a {@link ai.letta.code.api.exception.ManagedSandboxExpiredException}.
 * System prompt presets are an {@link ai.letta.code.api.exception.UnsupportedFeatureException}: Letta Cloud takes
 * custom prompts only. {@code prompt(text)} needs an agent id on this backend.
 */
public final class CloudTransport implements Transport {

    private final CloudOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private Ports ports;
    private boolean closed;

    /** @param options the cloud backend's options */
    @Inject
    public CloudTransport(CloudOptions options) {
        this.options = ConfigurationException.requireNonNull(options, "CloudOptions");
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CLOUD;
    }

    @Override
    public AgentPort agents() {
        return ports().agents;
    }

    @Override
    public ConversationPort conversations() {
        return ports().conversations;
    }

    @Override
    public BlockPort blocks() {
        return ports().blocks;
    }

    @Override
    public ModelPort models() {
        return ports().models;
    }

    @Override
    public SessionPort sessions() {
        return ports().sessions;
    }

    /** Stops the HTTP client and the cloud threads. Idempotent. */
    @Override
    public void close() {
        Ports open;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            open = ports;
        } finally {
            lock.unlock();
        }
        if (open != null) {
            open.close();
        }
    }

    private Ports ports() {
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the cloud client for " + options.baseUrl().getHost()
                        + " is closed");
            }
            if (ports == null) {
                ports = new Ports(options);
            }
            return ports;
        } finally {
            lock.unlock();
        }
    }

    /** The ports over one HTTP client, made on first use. */
    private static final class Ports {
        final LettaHttp http;
        final ExecutorService resolver;
        final ScheduledThreadPoolExecutor timer;
        final AgentPort agents;
        final ConversationPort conversations;
        final BlockPort blocks;
        final ModelPort models;
        final SessionPort sessions;

        Ports(CloudOptions options) {
            http = new LettaHttp(HttpSettings.from(options));
            ControlPlane control = new ControlPlane(http);
            // Reconnects look the listener up again over HTTPS: never on an event loop.
            resolver = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    daemon("letta-cloud-resolver"));
            timer = new ScheduledThreadPoolExecutor(1, daemon("letta-cloud-sandbox"));
            timer.setRemoveOnCancelPolicy(true);
            agents = new RestAgents(http, control);
            conversations = new RestConversations(http, control);
            blocks = new RestBlocks(http);
            models = new RestModels(http);
            sessions = new CloudSessions(options, control, resolver, timer);
        }

        void close() {
            timer.shutdownNow();
            resolver.shutdownNow();
            http.close();
        }

        private static ThreadFactory daemon(String name) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
