package ai.letta.code.spi;

import ai.letta.code.api.model.Models;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.tool.Tools;
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

    /** @return the tools, or a resource that throws where the backend has none */
    default Tools tools() {
        return Unsupported.resource(Tools.class, kind());
    }

    /** @return the archives, or a resource that throws where the backend has none */
    default Archives archives() {
        return Unsupported.resource(Archives.class, kind());
    }

    /** @return the passages, or a resource that throws where the backend has none */
    default Passages passages() {
        return Unsupported.resource(Passages.class, kind());
    }

    /** @return the Letta API's messages, or a resource that throws where the backend has none */
    default Messages messages() {
        return Unsupported.resource(Messages.class, kind());
    }

    /** @return the agent groups, or a resource that throws where the backend has none */
    default Groups groups() {
        return Unsupported.resource(Groups.class, kind());
    }

    /** @return the session opener */
    SessionPort sessions();

    /** Releases what the transport holds (its sessions are closed by the engine first). Idempotent. */
    @Override
    void close();
}
