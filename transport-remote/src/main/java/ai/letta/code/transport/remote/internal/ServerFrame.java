package ai.letta.code.transport.remote.internal;

import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One decoded frame from the app server, before it is routed: the fields every consumer looks at, plus the tree
 * for the consumer that owns the type. Responses carry {@code request_id}; runtime events carry {@code runtime}
 * (responses often echo it too). A frame read in one pass ({@link RuntimeEventReader}: most frames of a turn) has its
 * top-level strings and a {@code stream_delta}'s {@link #delta()} already read, and builds its tree only if a consumer
 * asks for it. Immutable once read; {@link #json()} may be
 * called from any thread (a response is read by the caller it completes).
 */
final class ServerFrame {

    private final String type;
    private final String requestId;
    private final RuntimeKey runtime;
    private final String text;
    private final WireDelta delta;
    private final TopLevelFields fields;
    private final Function<String, JsonNode> parse;
    private volatile JsonNode json;

    /**
     * @param type the frame's {@code type}, never null ({@code ""} when absent)
     * @param requestId the {@code request_id}, or {@code null}
     * @param runtime the runtime scope, or {@code null} when the frame names none
     * @param json the whole frame
     * @param text the frame as received, for diagnostics and {@code UnknownEvent}s
     */
    ServerFrame(String type, String requestId, RuntimeKey runtime, JsonNode json, String text) {
        this(type, requestId, runtime, text, null, null, null);
        this.json = json;
    }

    /**
     * A frame whose tree is built on demand.
     *
     * @param type the frame's {@code type}
     * @param requestId the {@code request_id}, or {@code null}
     * @param runtime the runtime scope, or {@code null}
     * @param text the frame as received, a JSON object
     * @param delta a {@code stream_delta}'s bound delta, or {@code null}
     * @param fields its top-level fields as read
     * @param parse builds the tree of {@code text}
     */
    ServerFrame(String type, String requestId, RuntimeKey runtime, String text, WireDelta delta,
            TopLevelFields fields, Function<String, JsonNode> parse) {
        this.type = type;
        this.requestId = requestId;
        this.runtime = runtime;
        this.text = text;
        this.delta = delta;
        this.fields = fields;
        this.parse = parse;
    }

    /** @return the frame's {@code type}, never null ({@code ""} when absent) */
    String type() {
        return type;
    }

    /** @return the {@code request_id}, or {@code null} */
    String requestId() {
        return requestId;
    }

    /** @return the runtime scope, or {@code null} when the frame names none */
    RuntimeKey runtime() {
        return runtime;
    }

    /** @return the frame as received, for diagnostics and {@code UnknownEvent}s */
    String text() {
        return text;
    }

    /** @return a {@code stream_delta}'s delta, bound when the frame was read; {@code null} for other frames */
    WireDelta delta() {
        return delta;
    }

    /** @return the whole frame */
    JsonNode json() {
        JsonNode tree = json;
        if (tree == null) {
            tree = parse.apply(text); // idempotent: a race parses the same text twice, nothing worse
            json = tree;
        }
        return tree;
    }

    /** @return whether this frame answers a command ({@code *_response} or {@code input_accepted}) */
    boolean isResponse() {
        return type.endsWith("_response") || type.equals("input_accepted");
    }

    /**
     * @param field a top-level field
     * @return its text, or {@code null} when absent or null
     */
    String string(String field) {
        if (fields != null && !fields.needsTree(field)) {
            return fields.text(field); // null when absent
        }
        return Json.text(json().get(field));
    }

    /** @return whether the response reports success ({@code success} or {@code accepted} not false) */
    boolean succeeded() {
        JsonNode frame = json();
        JsonNode success = frame.has("accepted") ? frame.get("accepted") : frame.get("success");
        return success == null || !success.isBoolean() || success.booleanValue();
    }

    /** @return the response's {@code error}, or {@code null} */
    String error() {
        return string("error");
    }

    @Override
    public String toString() {
        return "ServerFrame[type=" + type + ", requestId=" + requestId + ", runtime=" + runtime + "]";
    }
}
