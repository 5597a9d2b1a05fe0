package ai.letta.code.transport.local.wire;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One line the CLI wrote to stdout, decoded by {@link NdjsonCodec} (local-stdio.md §3.2). Wire types stop here:
 * {@code WireEventMapper} turns them into domain events. Fields the CLI omits are {@code null}; fields the SDK does
 * not know are ignored, and an unknown {@code type} becomes {@link Unknown}.
 */
public sealed interface WireMessage {

    /** {@code system/init}: the handshake. */
    record SystemInit(String agentId, String conversationId, String model, List<String> tools, String cwd)
            implements WireMessage {}

    /**
     * A {@code message} line, or the message inside a {@code stream_event} wrapper ({@code partial}).
     *
     * @param messageType e.g. {@code assistant_message}, {@code reasoning_message}, {@code stop_reason}
     * @param id the message id (chunks of one streamed message share it)
     * @param runId the run, or null
     * @param text the text content (assistant content in either shape, or the reasoning)
     * @param toolCalls the tool calls of a {@code tool_call_message}/{@code approval_request_message}
     * @param toolCallId the call a {@code tool_return_message} answers
     * @param toolReturn the tool's output
     * @param status {@code success} or {@code error} on a tool return
     * @param stopReason the stop reason of a {@code stop_reason} line
     * @param partial whether the line came in a {@code stream_event} wrapper
     */
    record Message(String messageType, String id, String runId, String text, List<WireToolCall> toolCalls,
            String toolCallId, String toolReturn, String status, String stopReason, boolean partial)
            implements WireMessage {}

    /**
     * A tool call in any of its shapes ({@code tool_call}, {@code tool_calls[]}, OpenAI-style {@code function}).
     *
     * @param id the call id, or null when only an index came
     * @param index the streamed delta's index, or -1
     * @param name the tool
     * @param arguments the JSON arguments text, possibly partial
     */
    record WireToolCall(String id, int index, String name, String arguments) {}

    /** The end of a turn. */
    record ResultLine(String subtype, String result, long durationMs, int numTurns, String conversationId,
            List<String> runIds, String stopReason) implements WireMessage {}

    /** An error during a turn; the turn's result follows. */
    record ErrorLine(String message, String stopReason, String runId, String errorType, String detail)
            implements WireMessage {}

    /** The CLI retries a model call. */
    record RetryLine(String reason, int attempt, int maxAttempts, long delayMs, String runId) implements WireMessage {}

    /** {@code queue_item_enqueued}. */
    record QueueEnqueued(String itemId, String clientMessageId, String source, String kind, String content)
            implements WireMessage {}

    /** {@code queue_batch_dequeued}: queued items start one turn. */
    record QueueDequeued(String batchId, List<String> itemIds, int mergedCount) implements WireMessage {}

    /** {@code queue_item_dropped}. */
    record QueueDropped(String itemId, String reason) implements WireMessage {}

    /** {@code queue_cleared}. */
    record QueueCleared(String reason) implements WireMessage {}

    /** {@code queue_blocked}: informational (local-stdio.md §4.3). */
    record QueueBlocked(String reason) implements WireMessage {}

    /**
     * A {@code control_request} from the CLI; {@code can_use_tool} is the one the SDK answers.
     *
     * @param requestId the id to answer with
     * @param subtype e.g. {@code can_use_tool}
     * @param toolName the tool (can_use_tool)
     * @param toolCallId the call (can_use_tool)
     * @param input the tool input as plain Java values
     * @param suggestions the permission suggestions, as text
     * @param blockedPath the path that made the CLI ask, or null
     */
    record ControlRequest(String requestId, String subtype, String toolName, String toolCallId,
            Map<String, Object> input, List<String> suggestions, String blockedPath) implements WireMessage {}

    /**
     * A {@code control_response}: the answer to a control request the SDK sent.
     *
     * @param requestId the request it answers
     * @param subtype {@code success} or {@code error}
     * @param error the error text, or null
     * @param body the whole inner {@code response} object as plain Java values
     */
    record ControlResponse(String requestId, String subtype, String error, Map<String, Object> body)
            implements WireMessage {}

    /** A line with a {@code type} this SDK does not know, or a known one it has no use for. */
    record Unknown(String type, String json) implements WireMessage {}

    /** A line that is not a JSON object: dropped by the upstream SDK; kept here for diagnostics. */
    record Malformed(String line, String reason) implements WireMessage {}

    /**
     * A decoded line with its tree, for raw-command matching and {@code UnknownEvent}s: given, or built when first
     * asked for (most lines never need it). Used by one thread at a time (handed over under a lock).
     */
    final class Decoded {
        private final WireMessage message;
        private Supplier<JsonNode> parse;
        private JsonNode tree;

        /**
         * @param message the message
         * @param tree the line's tree, or {@code null} for a malformed line
         */
        public Decoded(WireMessage message, JsonNode tree) {
            this.message = message;
            this.tree = tree;
        }

        /**
         * @param message the message
         * @param parse builds the line's tree
         * @return the line, its tree built when first asked for
         */
        static Decoded withTreeOnDemand(WireMessage message, Supplier<JsonNode> parse) {
            Decoded decoded = new Decoded(message, null);
            decoded.parse = parse;
            return decoded;
        }

        /** @return the message */
        public WireMessage message() {
            return message;
        }

        /** @return the line's tree, or {@code null} for a malformed line */
        public JsonNode tree() {
            if (parse != null) {
                tree = parse.get();
                parse = null;
            }
            return tree;
        }
    }
}
