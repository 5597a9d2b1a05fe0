package ai.letta.code.api.port;

import ai.letta.code.api.backend.BackendKind;

/**
 * Everything a backend module provides: its ports, and the resources behind them (a loopback server, a shared
 * socket, an event loop), started lazily and released by {@link #close()}.
 */
public interface Transport extends AutoCloseable {

    /** @return which backend this is */
    BackendKind kind();

    /** @return agent operations */
    AgentPort agents();

    /** @return conversation operations */
    ConversationPort conversations();

    /** @return memory-block operations */
    BlockPort blocks();

    /** @return the model catalog */
    ModelPort models();

    /** @return the session opener */
    SessionPort sessions();

    /** Releases what the transport holds (its sessions are closed by the engine first). Idempotent. */
    @Override
    void close();
}
