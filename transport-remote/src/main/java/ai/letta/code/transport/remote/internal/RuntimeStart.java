package ai.letta.code.transport.remote.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a session subscribes with ({@code runtime_start}, spec §2.2): kept so a reconnect subscribes the same way.
 * {@code runtime_start} is the protocol's "open session" command: it creates or resumes the conversation, sets
 * {@code cwd} and the device mode, and subscribes the socket to the runtime's events.
 *
 * @param cwd the working directory, or {@code null} for the server's boot directory
 * @param mode the device mode ({@link DeviceModes})
 */
record RuntimeStart(String cwd, String mode) {

    /** What the server is told about this client. */
    static final Map<String, Object> CLIENT_INFO = Map.of("name", "letta-code-java", "version",
            String.valueOf(RuntimeStart.class.getPackage().getImplementationVersion()));

    /**
     * @param requestId the request id
     * @param agentId the agent, or {@code null} to create one with {@code createAgentBody}
     * @param createAgentBody the new agent's body when {@code agentId} is null
     * @param conversationId the conversation (or {@code "default"}), or {@code null} for a new one
     * @return the command
     */
    Map<String, Object> command(String requestId, String agentId, Map<String, Object> createAgentBody,
            String conversationId) {
        Map<String, Object> command = Commands.command("runtime_start", requestId);
        if (agentId != null) {
            command.put("agent_id", agentId);
        } else {
            command.put("create_agent", Map.of("body", createAgentBody));
        }
        if (conversationId != null) {
            command.put("conversation_id", conversationId);
        } else {
            command.put("create_conversation", new LinkedHashMap<>());
        }
        if (cwd != null) {
            command.put("cwd", cwd);
        }
        command.put("mode", mode);
        command.put("client_info", CLIENT_INFO);
        command.put("recover_approvals", true);
        return command;
    }

    /**
     * Subscribes a runtime again on a new socket.
     *
     * @param connection the connection
     * @param key the runtime
     * @return the {@code runtime_start_response}
     */
    CompletableFuture<ServerFrame> resubscribe(ServerConnection connection, RuntimeKey key) {
        Map<String, Object> command = command(connection.correlator().nextRequestId("rs"), key.agentId(), null,
                key.conversationId());
        return connection.request(command, "runtime_start", f -> f.type().equals("runtime_start_response"),
                connection.endpoint().requestTimeout());
    }
}
