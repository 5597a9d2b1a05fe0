package ai.letta.code.spi;

import ai.letta.code.api.SessionOptions;

/** Opens sessions on a backend. */
public interface SessionPort {

    /**
     * Opens a session and returns once the peer is ready (its handshake done, agent and conversation resolved).
     * The transport applies the options it can at open time (cwd, model, reasoning effort, permission mode, dreaming,
     * partial messages, env) and delivers everything after to {@code sink}.
     *
     * @param target which conversation
     * @param options how the session runs
     * @param sink where the transport delivers events; called from the transport's reader, never concurrently
     * @return the open channel
     * @throws ai.letta.code.api.exception.LettaCodeException a typed failure (not found, authentication, transport,
     *     timeout) with the peer's diagnostics
     */
    SessionChannel open(SessionTarget target, SessionOptions options, SessionSink sink);
}
