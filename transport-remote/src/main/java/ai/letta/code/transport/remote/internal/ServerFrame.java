package ai.letta.code.transport.remote.internal;

import tools.jackson.databind.JsonNode;

/**
 * One decoded frame from the app server, before it is routed: the fields every consumer looks at, plus the tree
 * for the consumer that owns the type. Responses carry {@code request_id}; runtime events carry {@code runtime}
 * (responses often echo it too).
 *
 * @param type the frame's {@code type}, never null ({@code ""} when absent)
 * @param requestId the {@code request_id}, or {@code null}
 * @param runtime the runtime scope, or {@code null} when the frame names none
 * @param json the whole frame
 * @param text the frame as received, for diagnostics and {@code UnknownEvent}s
 */
record ServerFrame(String type, String requestId, RuntimeKey runtime, JsonNode json, String text) {

    /** @return whether this frame answers a command ({@code *_response} or {@code input_accepted}) */
    boolean isResponse() {
        return type.endsWith("_response") || type.equals("input_accepted");
    }

    /**
     * @param field a top-level field
     * @return its text, or {@code null} when absent or null
     */
    String string(String field) {
        return Json.text(json.get(field));
    }

    /** @return whether the response reports success ({@code success} or {@code accepted} not false) */
    boolean succeeded() {
        JsonNode success = json.has("accepted") ? json.get("accepted") : json.get("success");
        return success == null || !success.isBoolean() || success.booleanValue();
    }

    /** @return the response's {@code error}, or {@code null} */
    String error() {
        return string("error");
    }
}
