package ai.letta.code.transport.remote;

import static ai.letta.code.transport.remote.FakeAppServer.send;

import io.netty.channel.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The {@link FakeAppServer} replies of {@link RemoteFaultsTest}, shaped like the app server's: {@code app_server_info},
 * {@code runtime_start}, {@code abort_message}, {@code echo}, and {@code input}, a one-delta turn unless its text asks
 * for a fault: {@code hang} (streams, never finishes), {@code big} (an oversized frame), {@code odd} (garbage and
 * unknown frames first), {@code ask} (a tool approval the server then holds and replays to a new subscriber).
 * Unknown commands get no reply, as from the real server.
 */
final class AppServerReplies {

    /** The approval the fake server holds, as its request id, or null; reset it after each test. */
    static final AtomicReference<String> HELD_APPROVAL = new AtomicReference<>();

    private AppServerReplies() {
    }

    /**
     * @param command a command the fake server received
     * @param channel where to reply
     */
    static void reply(JsonNode command, Channel channel) {
        String type = command.path("type").asString("");
        String requestId = command.path("request_id").asString(null);
        switch (type) {
            case "app_server_info" -> send(channel, Map.of("type", "app_server_info_response", "request_id",
                    requestId, "success", true, "protocol_version", 1, "backend", "local"));
            case "runtime_start" -> {
                Map<String, Object> runtime = Map.of("agent_id", command.path("agent_id").asString("agent-fake"),
                        "conversation_id", command.path("conversation_id").asString("conv-" + requestId));
                send(channel, Map.of("type", "runtime_start_response", "request_id", requestId, "success", true,
                        "runtime", runtime, "agent", Map.of("id", runtime.get("agent_id"), "model", "fake/model"),
                        "conversation", Map.of("id", runtime.get("conversation_id"))));
                if (command.has("conversation_id") && HELD_APPROVAL.get() != null) {
                    send(channel, controlRequest(runtime)); // a pending approval, replayed to the new subscriber
                }
            }
            case "input" -> input(command, channel, requestId);
            case "abort_message" -> send(channel, Map.of("type", "abort_message_response", "request_id", requestId,
                    "success", true, "aborted", false));
            case "echo" -> send(channel, Map.of("type", "echo_response", "request_id", requestId, "success", true));
            default -> { } // like the real server: unknown commands get no reply
        }
    }

    private static Map<String, Object> controlRequest(Map<String, Object> scope) {
        return Map.of("type", "control_request", "request_id", HELD_APPROVAL.get(), "runtime", scope,
                "request", Map.of("subtype", "can_use_tool", "tool_name", "Bash", "tool_call_id", "call-1",
                        "input", Map.of("command", "touch x")));
    }

    private static void input(JsonNode command, Channel channel, String requestId) {
        JsonNode runtime = command.get("runtime");
        Map<String, Object> scope = Map.of("agent_id", runtime.path("agent_id").asString(),
                "conversation_id", runtime.path("conversation_id").asString());
        JsonNode payload = command.path("payload");
        if (payload.path("kind").asString("").equals("approval_response")) {
            boolean held = payload.path("request_id").asString("").equals(HELD_APPROVAL.getAndSet(null));
            send(channel, held ? Map.of("type", "input_accepted", "request_id", requestId, "runtime", scope,
                    "accepted", true) : Map.of("type", "input_accepted", "request_id", requestId, "runtime", scope,
                    "accepted", false, "error", "Approval request is no longer pending"));
            if (held) { // the recovered turn goes on and ends
                send(channel, delta(scope, Map.of("type", "message", "message_type", "tool_return_message",
                        "tool_call_id", "call-1", "status", "success", "tool_return", "ran", "run_id", "run-1")));
                send(channel, Map.of("type", "turn_finished", "runtime", scope, "turn_id", "t-recovered",
                        "stop_reason", "end_turn", "run_id", "run-2", "event_seq", 9));
            }
            return;
        }
        send(channel, Map.of("type", "input_accepted", "request_id", requestId, "runtime", scope, "accepted", true,
                "disposition", "started"));
        String text = command.path("payload").path("messages").path(0).path("content").asString("");
        if (text.equals("ask")) {
            HELD_APPROVAL.set("perm-call-1");
            send(channel, controlRequest(scope));
            return;
        }
        if (text.equals("hang")) {
            send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                    "content", "partial", "run_id", "run-1")));
            return;
        }
        if (text.equals("big")) {
            send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                    "content", "x".repeat(100_000), "run_id", "run-1")));
            return;
        }
        if (text.equals("odd")) {
            send(channel, "{not json");
            send(channel, Map.of("type", "brand_new_frame", "runtime", scope, "whatever", 1));
            send(channel, Map.of("type", "weird_response", "request_id", requestId, "runtime", scope));
            send(channel, delta(scope, Map.of("type", "message", "message_type", "holo_message", "id", "h1",
                    "run_id", "run-1", "new_field", true)));
        }
        send(channel, delta(scope, Map.of("type", "message", "message_type", "assistant_message", "id", "m1",
                "content", List.of(Map.of("type", "text", "text", "answer to " + text)), "run_id", "run-1",
                "unknown_field", "ignored")));
        send(channel, Map.of("type", "turn_finished", "runtime", scope, "turn_id", "t-" + requestId, "stop_reason",
                "end_turn", "run_id", "run-1", "event_seq", 9));
    }

    private static Map<String, Object> delta(Map<String, Object> scope, Map<String, Object> delta) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "stream_delta");
        frame.put("delta", delta);
        frame.put("runtime", scope);
        frame.put("event_seq", 1);
        return frame;
    }
}
