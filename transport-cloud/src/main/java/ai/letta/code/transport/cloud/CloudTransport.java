package ai.letta.code.transport.cloud;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.core.spi.ApiResources;
import ai.letta.code.core.spi.LazyTransport;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.HttpSettings;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.StreamLimits;
import ai.letta.code.transport.cloud.rest.ControlPlane;
import ai.letta.code.transport.cloud.rest.RestAgents;
import ai.letta.code.transport.cloud.rest.RestArchives;
import ai.letta.code.transport.cloud.rest.RestBlocks;
import ai.letta.code.transport.cloud.rest.RestConversations;
import ai.letta.code.transport.cloud.rest.RestMessages;
import ai.letta.code.transport.cloud.rest.RestGroups;
import ai.letta.code.transport.cloud.rest.RestModels;
import ai.letta.code.transport.cloud.rest.RestPassages;
import ai.letta.code.transport.cloud.rest.RestTools;
import ai.letta.code.transport.cloud.session.CloudSessions;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
public final class CloudTransport extends LazyTransport {

    private final CloudOptions options;

    /** @param options the cloud backend's options */
    @Inject
    public CloudTransport(CloudOptions options) {
        this.options = Checks.requireNonNull(options, "CloudOptions");
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CLOUD;
    }

    @Override
    protected String peer() {
        return "Letta Cloud at " + options.baseUrl().getScheme() + "://" + options.baseUrl().getHost()
                + (options.baseUrl().getPort() > 0 ? ":" + options.baseUrl().getPort() : "");
    }

    /** The ports over one HTTP client; reconnects resolve listeners on their own threads, sandboxes refresh on a timer. */
    @Override
    protected Ports open() {
        LettaHttp http = new LettaHttp(HttpSettings.from(options));
        ControlPlane control = new ControlPlane(http);
        // Reconnects look the listener up again over HTTPS: never on an event loop.
        ExecutorService resolver = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("letta-cloud-resolver"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("letta-cloud-sandbox"));
        timer.setRemoveOnCancelPolicy(true);
        return new Ports(new RestAgents(http, control), new RestConversations(http, control), new RestBlocks(http),
                new RestModels(http), new CloudSessions(options, control, resolver, timer), new ApiResources(
                        new RestTools(http),
                        new RestArchives(http),
                        new RestPassages(http),
                        new RestMessages(http, StreamLimits.of(HttpSettings.from(options))),
                        new RestGroups(http)), () -> {
                    timer.shutdownNow();
                    resolver.shutdownNow();
                    http.close();
                });
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
