package ai.letta.code.spi;

import ai.letta.code.api.model.Models;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.backend.BackendKind;

/**
 * Everything a backend module provides: its ports, and the resources behind them (a loopback server, a shared
 * socket, an event loop), started lazily and released by {@link #close()}.
 */
public interface Transport extends AutoCloseable {

    /** @return which backend this is */
    BackendKind kind();

    /** @return agent operations */
    Agents agents();

    /** @return conversation operations */
    Conversations conversations();

    /** @return memory-block operations */
    Blocks blocks();

    /** @return the model catalog */
    Models models();

    /** @return the session opener */
    SessionPort sessions();

    /** Releases what the transport holds (its sessions are closed by the engine first). Idempotent. */
    @Override
    void close();
}
