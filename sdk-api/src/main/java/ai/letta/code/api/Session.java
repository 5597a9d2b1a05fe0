package ai.letta.code.api;

import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A conversation with an agent, open on one transport (a CLI process, a websocket runtime, a cloud stream).
 *
 * <pre>{@code
 * try (Session session = client.createSession(agentId, options)) {
 *     session.send("Write an onboarding memo.");
 *     for (SessionEvent event : session.stream()) {              // ends after the turn's Result
 *         System.out.println(event);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Lifecycle</b> ({@link SessionState}): a session is returned {@code IDLE}; {@link #send} makes it
 * {@code STREAMING} until the turn's result; {@link #close()} makes it {@code CLOSED}. A lost transport ends the running
 * turn with an error event and a failed result, then closes the session: continue with
 * {@code client.resumeSession(agentId, conversationId, options)}.
 *
 * <p><b>Turns and the queue.</b> A message sent while a turn runs is queued by the peer and runs after it, in order
 * ({@link ai.letta.code.api.event.QueueUpdate} events show the queue). {@link #abort()} ends the running turn; messages
 * sent after {@code abort()} returns run after it. {@link #close()} denies pending approvals and ends open streams.
 *
 * <p><b>Tools.</b> Each tool call the agent makes is a {@link ai.letta.code.api.event.ToolCall} followed by its
 * {@link ai.letta.code.api.event.ToolResult}, whatever {@code canUseTool} decided: a denied call does not run and
 * its result is an error carrying the denial message.
 *
 * <p><b>Threads.</b> All methods are thread-safe and block only the caller (cheap on virtual threads). Permission
 * callbacks and listeners never run on a transport's I/O thread.
 */
public interface Session extends AutoCloseable {

    /** @return the agent id */
    String agentId();

    /**
     * The conversation's id, to resume it later with {@code client.resumeSession(id)}. For an agent's default
     * conversation (its main thread, opened by {@code resumeSession(agentId)}) it is the <b>agent id</b> on the
     * local, remote and cloud backends: the CLI, the app server and Letta Cloud name that thread only by the alias {@code "default"}, which
     * is no id, and {@code resumeSession(agentId)} opens the same thread again. Never the alias itself.
     *
     * @return the conversation id, or the agent id for the agent's default conversation
     */
    String conversationId();

    /** @return the current state */
    SessionState state();

    /**
     * Sends a text message. Returns once the peer has it; the reply comes through {@link #stream()}.
     *
     * @param text the message; must not be blank
     * @return the client message id (to find or remove it in the queue)
     * @throws ai.letta.code.api.exception.SessionClosedException if the session is closed
     */
    String send(String text);

    /**
     * Sends a message with text and images.
     *
     * @param message the message
     * @return the client message id
     * @throws ai.letta.code.api.exception.SessionClosedException if the session is closed
     */
    String send(UserMessage message);

    /**
     * The events of what was sent, ending after the last sent message's turn (see {@link EventStream}). Call after
     * {@link #send}; with nothing sent, the stream is empty.
     *
     * <p>A stream left open (a loop left with {@code break}) is taken over: the new stream continues where it
     * stopped, so no event is lost, and the old one ends. Break, send again, stream: the new stream yields the rest
     * of the first turn, its result, then the second turn up to its result. To drop the rest of a turn instead,
     * {@link EventStream#close() close} its stream.
     *
     * @return the stream
     */
    EventStream stream();

    /**
     * Interrupts the running turn and waits until it has ended (its interrupted result is delivered to the stream).
     * Pending approvals are denied. The session stays usable.
     *
     * @return whether there was a turn to abort
     */
    AbortOutcome abort();

    /**
     * @return the models the backend offers, and the current one
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException if the backend has no model catalog
     */
    ModelCatalog listModels();

    /**
     * Switches the model and/or reasoning effort for the following turns of this session's conversation (on an
     * agent's default conversation: the agent's). Call between turns.
     *
     * @param update the change
     * @throws ai.letta.code.api.exception.ConfigurationException if the backend does not offer the model or effort
     *     (the message names what it offers)
     */
    void updateModel(ModelUpdate update);

    /**
     * Changes when sleep-time reflection runs.
     *
     * @param dreaming the new settings
     */
    void updateDreaming(Dreaming dreaming);

    /** @return the messages waiting behind the running turn, oldest first */
    List<QueuedMessage> queue();

    /**
     * Removes a message that is still waiting in the queue.
     *
     * @param id its queue id or client message id
     * @return whether it was removed (false if it had already started or was unknown)
     */
    boolean removeQueuedMessage(String id);

    /**
     * Sends a raw protocol message without waiting for an answer: an escape hatch for what this API does not cover
     * yet. A {@code request_id} is added when missing.
     *
     * <p>Raw messages are the backend's own protocol, so which {@code type}s work depends on the backend. A type the
     * backend's peer does not understand is refused before anything is sent (its peer would ignore it, and an
     * awaited answer would only time out); nothing is translated, since the answers differ in shape too.
     * <ul>
     *   <li><b>local</b> (the CLI's stdio, CLI 0.32.18): {@code user}, {@code control_request} and
     *       {@code control_response} lines as given, where a {@code control_request}'s {@code request.subtype} is
     *       one of {@code initialize}, {@code interrupt}, {@code register_external_tools},
     *       {@code bootstrap_session_state}, {@code list_messages}, {@code recover_pending_approvals}; each of these
     *       subtypes may also be the {@code type} itself (then it is sent as that control request, answered by a
     *       {@code control_response}). App-server commands such as {@code sync} or {@code change_device_state} have
     *       no stdio equivalent.</li>
     *   <li><b>remote</b> and <b>cloud</b> (the app server's protocol v2, which the cloud relay also speaks): its
     *       commands, e.g. {@code app_server_info}, {@code sync}, {@code change_device_state} (never answered),
     *       {@code input}, {@code abort_message}, {@code resume_queue}, {@code list_models}, {@code update_model},
     *       {@code get_reflection_settings}/{@code set_reflection_settings}, {@code agent_*}, {@code conversation_*},
     *       {@code execute_command}, file, memory, cron, channel and terminal commands; the full list is in the
     *       exception's message. Most answer {@code <type>_response}.</li>
     * </ul>
     *
     * @param command the message, as plain Java values
     * @return the {@code request_id} it was sent with
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException if the backend's peer does not understand the
     *     message's {@code type}; the message lists the types it does
     */
    String sendCommand(Map<String, Object> command);

    /**
     * Sends a raw protocol message and waits for the peer message that {@code matcher} accepts.
     *
     * @param command the message, as plain Java values
     * @param matcher picks the answer
     * @param timeout how long to wait
     * @return the answer
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException at once, if the backend's peer does not
     *     understand the message's {@code type} (see {@link #sendCommand(Map)} for each backend's types)
     * @throws ai.letta.code.api.exception.OperationTimeoutException if no answer matched in time
     */
    CommandResponse sendCommand(Map<String, Object> command, ResponseMatcher matcher, Duration timeout);

    /**
     * {@link #sendCommand(Map, ResponseMatcher, Duration)} with the backend's request timeout.
     *
     * @param command the message
     * @param matcher picks the answer
     * @return the answer
     */
    CommandResponse sendCommand(Map<String, Object> command, ResponseMatcher matcher);

    /**
     * Closes the session: denies pending approvals, ends open streams (a running turn ends with an interrupted
     * result coded {@code session_closed}), and waits for the transport to end (process exit, runtime released).
     * Idempotent.
     */
    @Override
    void close();
}
