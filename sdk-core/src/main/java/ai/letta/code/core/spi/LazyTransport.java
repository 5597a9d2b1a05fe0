package ai.letta.code.core.spi;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.tool.Tools;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.Transport;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Transport} whose ports, and what they share (a socket, an HTTP client, threads), are made on the first
 * port call rather than in a constructor or a Guice module, and released once by {@link #close()}. After close,
 * every port call fails with a {@link SessionClosedException}. Thread-safe.
 */
public abstract class LazyTransport implements Transport {

    /**
     * The ports of a transport over the resources they share.
     *
     * @param agents agent operations
     * @param conversations conversation operations
     * @param blocks memory-block operations
     * @param models the model catalog
     * @param sessions the session opener
     * @param api the Letta API resources beyond those four, or {@code null} when the backend has none
     * @param resources what the ports share; closed with the transport
     */
    public record Ports(Agents agents, Conversations conversations, Blocks blocks, Models models,
            SessionPort sessions, ApiResources api, AutoCloseable resources) {

        /**
         * Ports without the further Letta API resources.
         *
         * @param agents agent operations
         * @param conversations conversation operations
         * @param blocks memory-block operations
         * @param models the model catalog
         * @param sessions the session opener
         * @param resources what the ports share; closed with the transport
         */
        public Ports(Agents agents, Conversations conversations, Blocks blocks, Models models, SessionPort sessions,
                AutoCloseable resources) {
            this(agents, conversations, blocks, models, sessions, null, resources);
        }

        /**
         * Checks that nothing is missing.
         *
         * @param agents agent operations
         * @param conversations conversation operations
         * @param blocks memory-block operations
         * @param models the model catalog
         * @param sessions the session opener
         * @param api the Letta API resources beyond those four, or {@code null} when the backend has none
         * @param resources what the ports share; closed with the transport
         */
        public Ports {
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(conversations, "conversations");
            Objects.requireNonNull(blocks, "blocks");
            Objects.requireNonNull(models, "models");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(resources, "resources");
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private Ports ports;
    private boolean closed;

    /** @return the ports, made now (called once, under the transport's lock) */
    protected abstract Ports open();

    /** @return the peer as messages name it, e.g. {@code the app server at ws://…} (never a secret) */
    protected abstract String peer();

    @Override
    public final Agents agents() {
        return ports().agents();
    }

    @Override
    public final Conversations conversations() {
        return ports().conversations();
    }

    @Override
    public final Blocks blocks() {
        return ports().blocks();
    }

    @Override
    public final Models models() {
        return ports().models();
    }

    @Override
    public final Tools tools() {
        ApiResources api = ports().api();
        return api == null ? Transport.super.tools() : api.tools();
    }

    @Override
    public final Archives archives() {
        ApiResources api = ports().api();
        return api == null ? Transport.super.archives() : api.archives();
    }

    @Override
    public final Passages passages() {
        ApiResources api = ports().api();
        return api == null ? Transport.super.passages() : api.passages();
    }

    @Override
    public final Messages messages() {
        ApiResources api = ports().api();
        return api == null ? Transport.super.messages() : api.messages();
    }

    @Override
    public final Groups groups() {
        ApiResources api = ports().api();
        return api == null ? Transport.super.groups() : api.groups();
    }

    @Override
    public final SessionPort sessions() {
        return ports().sessions();
    }

    /** Releases what the ports share, if they were made. Idempotent. */
    @Override
    public final void close() {
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
            try {
                open.resources().close();
            } catch (LettaCodeException e) {
                throw e;
            } catch (Exception e) {
                throw new LettaCodeException("closing the client for " + peer() + " failed: " + e.getMessage(), e);
            }
        }
    }

    private Ports ports() {
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the client for " + peer() + " is closed");
            }
            if (ports == null) {
                ports = open();
            }
            return ports;
        } finally {
            lock.unlock();
        }
    }
}
