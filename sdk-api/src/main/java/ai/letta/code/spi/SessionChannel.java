package ai.letta.code.spi;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One open session on a transport: the commands the engine sends to the peer. Thread-safe; every method may block
 * the calling (engine or user) thread, never a transport I/O thread.
 */
public interface SessionChannel extends AutoCloseable {

    /** @return the session's agent id */
    String agentId();

    /** @return the session's conversation id, resolved (never the {@code default} alias when the peer resolves it) */
    String conversationId();

    /**
     * Sends a user message; it starts a turn, or queues behind the running one.
     *
     * @param clientMessageId the engine's id for it
     * @param message the message
     */
    void send(String clientMessageId, UserMessage message);

    /** Asks the peer to interrupt the running turn; its result follows through the sink. */
    void interrupt();

    /**
     * Answers a permission request.
     *
     * @param request the request being answered
     * @param decision the decision
     */
    void answer(ToolPermissionRequest request, PermissionDecision decision);

    /** @return the model catalog and the session's current model */
    ModelCatalog listModels();

    /** @param update the model and/or effort for the following turns */
    void updateModel(ModelUpdate update);

    /** @param dreaming the reflection settings */
    void updateDreaming(Dreaming dreaming);

    /**
     * @param id a queue id or client message id
     * @return whether a waiting message was removed
     */
    boolean removeQueued(String id);

    /**
     * The raw message types the peer understands. The engine checks every {@code sendCommand} against them before
     * calling {@link #sendRaw} or {@link #request}, so those only see declared types. A transport whose peer answers
     * an unknown type with an error of its own may leave this empty.
     *
     * @return the accepted types, or empty to pass every type through unchecked
     */
    default Optional<AcceptedCommands> acceptedCommands() {
        return Optional.empty();
    }

    /**
     * Sends a raw protocol message.
     *
     * @param command the message, checked by the engine: a string {@code type} and a string {@code request_id}
     */
    void sendRaw(Map<String, Object> command);

    /**
     * Sends a raw protocol message and waits for the answer.
     *
     * @param command the message, checked by the engine as for {@link #sendRaw}
     * @param matcher picks the answer
     * @param timeout how long to wait
     * @return the answer
     */
    CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout);

    /** @return the transport's default wait for a request */
    Duration requestTimeout();

    /**
     * Ends the session gracefully and waits for the peer to let go (process exit, runtime released), then calls
     * {@link SessionSink#onClosed} with {@code null}. Idempotent.
     */
    @Override
    void close();
}
